package dev.parley.protocol;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlashGrammarTest {

    @Test
    @DisplayName("arguments split on whitespace, the last one keeping the rest of the line as typed")
    void arguments() {
        assertEquals(List.of("200", "a  b c"), SlashGrammar.MSG.arguments("200 a  b c"));
        assertEquals(List.of("100", "pw", "Scott  Tiger"), SlashGrammar.REGISTER.arguments("100 pw Scott  Tiger"));
        assertEquals(List.of("x"), SlashGrammar.REGISTER.arguments("x"));
        assertEquals(List.of("new name"), SlashGrammar.NAME.arguments("new name"));
        assertEquals(List.of(), SlashGrammar.LOGIN.arguments(""));
        assertEquals(List.of("everyone"), SlashGrammar.WHO.arguments("everyone"), "a surplus argument is kept for the arity check");
    }

    @Test
    @DisplayName("arguments fill the command's fields in order; missing and surplus ones are left out")
    void requests() {
        Request r = SlashGrammar.REGISTER.request("100", "pw");
        assertEquals(Ops.REGISTER, r.op());
        assertNull(r.rid());
        assertEquals(Json.object().put(Fields.USER, "100").put(Fields.PASSWORD, "pw"), r.fields());
        assertEquals(Json.object().put(Fields.OLD_PASSWORD, "a").put(Fields.NEW_PASSWORD, "b c"),
                SlashGrammar.PASSWORD.request(SlashGrammar.PASSWORD.arguments("a b c")).fields());
        assertEquals(Json.object(), SlashGrammar.WHO.request(List.of("everyone")).fields());
        assertEquals(Ops.RENAME, SlashGrammar.NAME.request("x").op());
    }

    @Test
    @DisplayName("the client finds commands by verb; the text protocol also by op name")
    void lookup() {
        assertSame(SlashGrammar.NAME, SlashGrammar.byVerb("name"));
        assertNull(SlashGrammar.byVerb("rename"));
        assertSame(SlashGrammar.NAME, SlashGrammar.byVerbOrOp("rename"));
        assertSame(SlashGrammar.DELETE_ACCOUNT, SlashGrammar.byVerbOrOp("delete_account"));
        assertNull(SlashGrammar.byVerbOrOp("quit"));
        for (SlashCommand c : SlashGrammar.all()) {
            assertSame(c, SlashGrammar.byVerb(c.verb()));
            assertTrue(c.syntax().startsWith("/" + c.verb()), c.syntax());
            assertTrue(c.required() <= c.fields().size(), c.verb());
        }
    }

    @Test
    @DisplayName("the text protocol parses each command's own syntax line into that command's request")
    void textProtocolSpeaksTheGrammar() throws Exception {
        for (SlashCommand c : SlashGrammar.all()) {
            String line = "/" + c.verb() + " a b c";
            Request parsed = TextRequestParser.parse(line.getBytes(StandardCharsets.UTF_8));
            assertEquals(c.request(c.arguments("a b c")), parsed, line);
            if (c != SlashGrammar.SAY) {
                assertTrue(TextLineEncoder.HELP.contains(c.syntax()) || c == SlashGrammar.LOGOUT,
                        "the server's /help lists " + c.syntax());
            }
        }
    }
}
