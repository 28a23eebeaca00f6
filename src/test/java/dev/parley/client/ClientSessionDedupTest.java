package dev.parley.client;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Private messages are delivered at least once; the console client shows each id once. */
class ClientSessionDedupTest extends ClientSessionFixture {

    @Test
    @DisplayName("a private message that arrives live and again from the mailbox (same id) is shown once; group messages are untouched")
    void showsEachPrivateIdOnce() {
        FakeConnector.FakeLink link = connector.link();
        JsonObject live = new JsonObject().put("op", "message").put("kind", "private").put("id", "m-1")
                .put("from", "200").put("name", "bob").put("to", "100").put("text", "hi").put("ts", 1L);
        link.serverSends(live);
        link.serverSends(live.copy().put("offline", true));
        link.serverSends(live.copy().put("id", "m-2").put("text", "again"));
        JsonObject group = new JsonObject().put("op", "message").put("kind", "group").put("id", "g-1")
                .put("from", "200").put("name", "bob").put("text", "all").put("ts", 1L);
        link.serverSends(group);
        link.serverSends(group);
        assertEquals(4, listener.lines.size(), listener.lines.toString());
    }

    @Test
    @DisplayName("the remembered ids are bounded: the oldest is forgotten first")
    void bounded() {
        SeenIds seen = new SeenIds(2);
        assertTrue(seen.firstTime("a"));
        assertTrue(seen.firstTime("b"));
        assertFalse(seen.firstTime("a"));
        assertTrue(seen.firstTime("c"));
        assertTrue(seen.firstTime("a"), "a was the oldest of three");
        assertFalse(seen.firstTime("c"));
    }
}
