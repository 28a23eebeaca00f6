package dev.parley.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The current room follows the server's answers, over a session with a fake server. */
class CurrentRoomTest extends ClientSessionFixture {

    private static JsonObject joinedReply(String display, boolean created) {
        return new JsonObject().put("room", new JsonObject().put("name", display.toLowerCase()).put("display", display)
                .put("topic", "").put("members", 1).put("online", 1)).put("created", created);
    }

    @Test
    @DisplayName("a join or /room that succeeds makes the room current; a refused one changes nothing")
    void joinAndChoose() {
        FakeConnector.FakeLink link = loggedInWith("pw");
        assertNull(session.room());
        session.request(Frames.join("#dev"));
        link.replyOk(link.sent.size() - 1, joinedReply("#Dev", true));
        assertEquals("#Dev", session.room(), "the creator's spelling");
        session.request(Frames.room("#ops"));
        link.replyError(link.sent.size() - 1, "NOT_IN_ROOM");
        assertEquals("#Dev", session.room());
        session.request(Frames.room("#ops"));
        link.replyOk(link.sent.size() - 1, new JsonObject().put("room", "#Ops"));
        assertEquals("#Ops", session.room());
        assertEquals("ok room #Ops", listener.lines.get(listener.lines.size() - 1));
    }

    @Test
    @DisplayName("parting the current room or being kicked from it goes back to the default room; others' kicks do not")
    void leaving() {
        FakeConnector.FakeLink link = loggedInWith("pw");
        session.request(Frames.join("#dev"));
        link.replyOk(link.sent.size() - 1, joinedReply("#dev", false));
        session.request(Frames.request(dev.parley.protocol.SlashGrammar.PART.request("#other")));
        link.replyOk(link.sent.size() - 1, new JsonObject().put("room", "#other"));
        assertEquals("#dev", session.room());
        link.serverSends(new JsonObject().put("op", "kicked").put("room", "#dev").put("user", "200").put("by", "100"));
        assertEquals("#dev", session.room());
        link.serverSends(new JsonObject().put("op", "kicked").put("room", "#DEV").put("user", "100").put("by", "300"));
        assertNull(session.room());
        assertEquals("kicked #DEV 100 300: ", listener.lines.get(listener.lines.size() - 1));

        session.request(Frames.join("#dev"));
        link.replyOk(link.sent.size() - 1, joinedReply("#dev", false));
        session.request(Frames.request(dev.parley.protocol.SlashGrammar.PART.request()));
        link.replyOk(link.sent.size() - 1, new JsonObject().put("room", "#dev"));
        assertNull(session.room());
    }

    @Test
    @DisplayName("a topic event (no ok) is shown as an event; the topic reply answers the request")
    void topicEventAndReply() {
        FakeConnector.FakeLink link = loggedInWith("pw");
        session.request(Frames.request(dev.parley.protocol.SlashGrammar.TOPIC.request("#dev")));
        link.serverSends(new JsonObject().put("op", "topic").put("room", "#dev").put("by", "200").put("text", "tea").put("ts", 1L));
        link.replyOk(link.sent.size() - 1, new JsonObject().put("room", "#dev").put("topic", "tea").put("by", "200").put("ts", 1L));
        int n = listener.lines.size();
        assertEquals("topic #dev 200: tea", listener.lines.get(n - 2));
        assertEquals("ok topic #dev 200: tea", listener.lines.get(n - 1));
    }

    @Test
    @DisplayName("a new login starts in the default room")
    void newLogin() {
        FakeConnector.FakeLink link = loggedInWith("pw");
        session.request(Frames.join("#dev"));
        link.replyOk(link.sent.size() - 1, joinedReply("#dev", false));
        session.request(Frames.login("100", "pw"));
        link.replyOk(link.sent.size() - 1, new JsonObject().put("user", "100"));
        assertNull(session.room());
    }
}
