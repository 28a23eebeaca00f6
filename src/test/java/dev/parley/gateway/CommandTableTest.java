package dev.parley.gateway;

import dev.parley.protocol.ChatError;
import dev.parley.protocol.Json;
import dev.parley.protocol.Outbound;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandTableTest {

    /** A caller that records what it was sent. */
    private static final class FakeCaller implements CommandTable.Caller {
        boolean loggedIn;
        final List<Outbound> sent = new ArrayList<>();

        @Override
        public boolean loggedIn() {
            return loggedIn;
        }

        @Override
        public void send(Outbound out) {
            sent.add(out);
        }

        Reply onlyReply() {
            assertEquals(1, sent.size(), "one answer: " + sent);
            return (Reply) sent.get(0);
        }
    }

    private final List<String> ran = new ArrayList<>();
    private final CommandTable<FakeCaller> table = new CommandTable<>(List.of(
            new CommandSpec<>("login", true, (c, r) -> ran.add("login")),
            new CommandSpec<>("say", false, (c, r) -> ran.add("say " + r.text("text")))));

    private static Request request(String op, String text) {
        var fields = Json.object();
        if (text != null) fields.put("text", text);
        return new Request(op, IntNode.valueOf(7), fields);
    }

    @Test
    @DisplayName("a command allowed before login runs for anyone; the others need a login")
    void loginRequired() {
        FakeCaller anonymous = new FakeCaller();
        table.dispatch(anonymous, request("login", null));
        table.dispatch(anonymous, request("say", "hi"));
        assertEquals(List.of("login"), ran, "say did not run");
        Reply refused = anonymous.onlyReply();
        assertFalse(refused.ok());
        assertEquals("say", refused.op());
        assertEquals(7, refused.rid().asInt(), "the answer carries the request's rid");
        assertEquals(ChatError.NOT_LOGGED_IN, refused.error());
        assertEquals("log in first", refused.message());

        FakeCaller member = new FakeCaller();
        member.loggedIn = true;
        table.dispatch(member, request("say", "hi"));
        assertEquals(List.of("login", "say hi"), ran);
        assertTrue(member.sent.isEmpty(), "the handler answers, not the table");
    }

    @Test
    @DisplayName("an unknown verb is answered UNKNOWN_OP under its own name, logged in or not, and runs nothing")
    void unknownVerb() {
        FakeCaller member = new FakeCaller();
        member.loggedIn = true;
        table.dispatch(member, request("dance", null));
        Reply r = member.onlyReply();
        assertEquals("dance", r.op());
        assertEquals(ChatError.UNKNOWN_OP, r.error());
        assertEquals("unknown command 'dance'; try help", r.message());
        assertTrue(ran.isEmpty());
    }

    @Test
    @DisplayName("a request without an op is answered BAD_REQUEST as \"error\"")
    void missingOp() {
        FakeCaller anonymous = new FakeCaller();
        table.dispatch(anonymous, request(null, "hi"));
        Reply r = anonymous.onlyReply();
        assertEquals("error", r.op());
        assertEquals(ChatError.BAD_REQUEST, r.error());
        assertEquals("a request needs an \"op\"", r.message());
        assertTrue(ran.isEmpty());
    }

    @Test
    @DisplayName("the login check comes before the handler, whatever the arguments")
    void loginCheckedBeforeArguments() {
        FakeCaller anonymous = new FakeCaller();
        table.dispatch(anonymous, request("say", null));
        assertEquals(ChatError.NOT_LOGGED_IN, anonymous.onlyReply().error(), "not a complaint about the missing text");
    }
}
