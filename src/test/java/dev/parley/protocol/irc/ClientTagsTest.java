package dev.parley.protocol.irc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientTagsTest {
    private static Map<String, String> parsedTags(String line) throws IrcParseException {
        return IrcParser.forClients().parse(line.getBytes(StandardCharsets.UTF_8)).tags();
    }

    @Test
    @DisplayName("only client-only tags (+name) are kept, in order, server tags such as label left out")
    void picksClientOnly() throws IrcParseException {
        Map<String, String> tags = ClientTags.of(parsedTags("@label=x;+typing=active;msgid=fake;+draft/reply=m1;+flag TAGMSG #a"));
        assertEquals(List.of("+typing", "+draft/reply", "+flag"), List.copyOf(tags.keySet()));
        assertEquals("active", tags.get("+typing"));
        assertEquals("", tags.get("+flag"), "a tag without value is the empty string");
        assertEquals(Map.of(), ClientTags.of(parsedTags("@label=x PRIVMSG #a :hi")));
    }

    @Test
    @DisplayName("size counts the tags as written: name=escaped value, joined by ';'")
    void size() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("+a", "b c;");
        tags.put("+flag", "");
        // "+a=b\sc\:" is 9 bytes, ";" 1, "+flag" 5
        assertEquals(15, ClientTags.size(tags));
        assertEquals(6, ClientTags.size(Map.of("+é", "ü")), "UTF-8 bytes: + é = ü is 1+2+1+2");
        assertEquals(IrcWriter.write(IrcMessage.of("TAGMSG", "#a").withTags(tags)).length - "@ TAGMSG #a\r\n".length(),
                ClientTags.size(tags), "the same bytes as the writer's tags section");
    }

    @Test
    @DisplayName("problem: non-client or malformed names and tags over 4,094 bytes are refused; exactly 4,094 fits")
    void problems() {
        assertNull(ClientTags.problem(Map.of("+typing", "active")));
        assertTrue(ClientTags.problem(Map.of("typing", "active")).startsWith("not a client-only tag name"));
        assertTrue(ClientTags.problem(Map.of("+bad name", "x")).startsWith("not a client-only tag name"));
        assertTrue(ClientTags.problem(Map.of("+", "x")).startsWith("not a client-only tag name"));
        String fits = "v".repeat(ClientTags.MAX_BYTES - "+big=".length());
        assertNull(ClientTags.problem(Map.of("+big", fits)));
        assertEquals("client tags take 4095 bytes, more than 4094", ClientTags.problem(Map.of("+big", fits + "w")));
    }

    @Test
    @DisplayName("any client tags the parser accepts fit the bound (the parser refuses a tags section over 4,096 bytes)")
    void parserBoundMatches() throws IrcParseException {
        String fits = "v".repeat(ClientTags.MAX_BYTES - "+big=".length());
        assertNull(ClientTags.problem(ClientTags.of(parsedTags("@+big=" + fits + " TAGMSG #a"))));
        IrcParseException e = org.junit.jupiter.api.Assertions.assertThrows(IrcParseException.class,
                () -> parsedTags("@+big=" + fits + "w TAGMSG #a"));
        assertEquals(IrcParseException.Problem.TOO_LONG, e.problem());
    }
}
