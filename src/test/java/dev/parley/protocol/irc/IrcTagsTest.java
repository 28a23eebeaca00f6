package dev.parley.protocol.irc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IrcTagsTest {

    @Test
    @DisplayName("server-time is UTC with milliseconds and a Z")
    void serverTime() {
        assertEquals("1970-01-01T00:00:00.000Z", IrcTags.serverTime(0));
        assertEquals("2026-11-30T18:02:03.004Z", IrcTags.serverTime(1796061723004L));
    }

    @Test
    @DisplayName("a relayed message carries time, account and msgid only for the capabilities the client enabled")
    void perCapabilities() {
        Numerics n = new Numerics("irc.parley");
        CapNegotiation caps = new CapNegotiation(n, CapNegotiation.ALL);
        assertEquals(Map.of(), IrcTags.forMessage(caps, 0, "alice", "m1"));
        caps.handle(IrcMessage.of("CAP", "REQ", "server-time account-tag message-tags"), "*", false);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("time", "1970-01-01T00:00:00.000Z");
        all.put("account", "alice");
        all.put("msgid", "m1");
        assertEquals(all, IrcTags.forMessage(caps, 0, "alice", "m1"));
        assertEquals(List.of("time"), List.copyOf(IrcTags.forMessage(caps, 0, null, null).keySet()));
        assertEquals("@time=1970-01-01T00:00:00.000Z;account=alice;msgid=m1 :alice!alice@parley PRIVMSG #dev :hi\r\n",
                IrcWriter.line(new IrcMessage(all, "alice!alice@parley", "PRIVMSG", List.of("#dev", "hi"))));
    }
}
