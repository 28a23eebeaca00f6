package dev.parley.protocol.irc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ISupportTest {
    private static final ISupport.Settings SETTINGS =
            new ISupport.Settings("Parley", 32, 390, 255, 200, 32, 100, 4, 100, 4, 100, true);

    @Test
    @DisplayName("every token with its true value, sorted")
    void tokens() {
        assertEquals(List.of("AWAYLEN=200", "CASEMAPPING=ascii", "CHANLIMIT=#:100", "CHANMODES=b,,,int", "CHANNELLEN=50",
                "CHANTYPES=#", "CHATHISTORY=100", "KICKLEN=255", "MAXLIST=b:100", "MAXTARGETS=4", "MODES=4",
                "MSGREFTYPES=msgid,timestamp", "NETWORK=Parley", "NICKLEN=32", "PREFIX=(o)@", "SAFELIST",
                "TARGMAX=JOIN:,KICK:1,NAMES:1,NOTICE:4,PART:,PRIVMSG:4,WHOIS:1", "TOPICLEN=390", "USERLEN=32",
                "UTF8ONLY", "WHOX"), ISupport.tokens(SETTINGS));
    }

    @Test
    @DisplayName("without history and WHOX their tokens are left out")
    void optionalTokens() {
        List<String> t = ISupport.tokens(new ISupport.Settings("Parley", 32, 390, 255, 200, 32, 100, 4, 100, 4, 0, false));
        assertTrue(t.stream().noneMatch(s -> s.startsWith("CHATHISTORY") || s.startsWith("MSGREFTYPES") || s.equals("WHOX")));
    }

    @Test
    @DisplayName("005 lines hold at most 13 tokens, end with the usual text and keep every token in order")
    void lines() {
        Numerics n = new Numerics("irc.parley");
        List<IrcMessage> lines = ISupport.lines(n, "alice", SETTINGS);
        assertEquals(2, lines.size());
        List<String> all = new ArrayList<>();
        for (IrcMessage m : lines) {
            assertEquals("005", m.command());
            assertEquals("alice", m.param(0));
            assertEquals("are supported by this server", m.last());
            assertTrue(m.params().size() <= 15);
            all.addAll(m.params().subList(1, m.params().size() - 1));
        }
        assertEquals(ISupport.tokens(SETTINGS), all);
        assertEquals(":irc.parley 005 alice AWAYLEN=200 CASEMAPPING=ascii CHANLIMIT=#:100 CHANMODES=b,,,int CHANNELLEN=50 "
                + "CHANTYPES=# CHATHISTORY=100 KICKLEN=255 MAXLIST=b:100 MAXTARGETS=4 MODES=4 MSGREFTYPES=msgid,timestamp "
                + "NETWORK=Parley :are supported by this server\r\n", IrcWriter.line(lines.get(0)));
    }

    @Test
    @DisplayName("long values push tokens onto more lines, each within 512 bytes")
    void longValues() {
        String network = "N".repeat(200);
        List<IrcMessage> lines = ISupport.lines(new Numerics("irc." + "x".repeat(100)), "a".repeat(32),
                new ISupport.Settings(network, 32, 390, 255, 200, 32, 100, 4, 100, 4, 100, true));
        List<String> all = new ArrayList<>();
        for (IrcMessage m : lines) {
            String line = IrcWriter.line(m);
            assertTrue(IrcText.utf8Length(line) <= 512, line);
            assertTrue(line.endsWith(":are supported by this server\r\n"));
            all.addAll(m.params().subList(1, m.params().size() - 1));
        }
        assertEquals(ISupport.tokens(new ISupport.Settings(network, 32, 390, 255, 200, 32, 100, 4, 100, 4, 100, true)), all);
        assertTrue(lines.size() >= 3, lines.size() + " lines");
    }
}
