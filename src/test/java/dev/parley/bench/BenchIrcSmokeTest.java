package dev.parley.bench;

import dev.parley.e2e.TestServer;
import dev.parley.testkit.FreePorts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code parley bench --proto irc}, CI-sized, against a real node: IRC users register (IRCv3 REGISTER), log in with
 * SASL PLAIN or PASS, join the fan-out channel, and exchange PRIVMSGs whose text carries the send time.
 */
@Timeout(120)
class BenchIrcSmokeTest {
    static final int IRC_PORT = FreePorts.pick();
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("limits.ratePerSecond", 100000, "limits.rateBurst", 100000,
            "limits.slowConsumerBytes", 8 << 20, "irc.port", IRC_PORT));
    private static int run;

    private static BenchResult bench(int port, String scenario, String... extra) {
        return SmokeRun.run(scenario, List.of("--port", Integer.toString(port), "--users-prefix", "ircsmoke" + (++run),
                "--proto", "irc"), extra);
    }

    @Test
    @DisplayName("IRC fanout on the chat port (SASL PLAIN, JOIN #bench): every member gets every PRIVMSG once")
    void fanout() {
        BenchResult r = bench(server.port(), "fanout", "--members", "40", "--senders", "8", "--rate", "10", "--irc-auth", "sasl");
        assertEquals(40, r.get("members sessions"));
        assertTrue(r.get("deliveries received") > 0);
        assertEquals(r.get("deliveries expected"), r.get("deliveries received"));
        assertEquals(0, r.get("lost"));
        assertEquals(0, r.get("duplicates"));
        assertTrue(r.get("latency p99") > 0);
    }

    @Test
    @DisplayName("IRC private pairs on the IRC port (PASS): every PRIVMSG ping gets its pong; a second run logs the same users in again")
    void privatePairs() {
        BenchResult r = bench(IRC_PORT, "private", "--pairs", "20", "--rate", "10", "--irc-auth", "pass");
        assertTrue(r.get("pongs received") > 0);
        assertEquals(r.get("pings sent"), r.get("pongs received"));
        assertTrue(r.get("round trip p50") > 0);
        // Same users: REGISTER answers ACCOUNT_EXISTS and they log in with PASS.
        run--;
        BenchResult again = bench(IRC_PORT, "private", "--pairs", "20", "--rate", "10", "--irc-auth", "pass");
        assertEquals(again.get("pings sent"), again.get("pongs received"));
    }

    @Test
    @DisplayName("IRC idle sessions: all log in (SASL) and are still there after the hold")
    void connections() {
        BenchResult r = bench(IRC_PORT, "connections", "--connections", "60", "--settle", "0.5");
        assertEquals(60, r.get("sessions alive after hold"));
    }

    @Test
    @DisplayName("--irc-auth none (NICK/USER only, for servers without accounts) against Parley: refused clearly, nothing hangs")
    void noAccountOnParley() {
        BenchResult r = BenchCommand.execute("fanout", "--port", Integer.toString(server.port()), "--users-prefix", "ircnone",
                "--proto", "irc", "--irc-auth", "none", "--members", "3", "--warmup", "0", "--duration", "0.5",
                "--setup-timeout", "30");
        r.print(System.out);
        assertFalse(r.passed());
        assertTrue(r.toJson().encode().contains("JOIN refused"), r.toJson().encode());
    }

    @Test
    @DisplayName("--proto irc refuses what IRC cannot measure: --window, the rooms scenario, a bad channel name")
    void refusedOptions() {
        for (String[] args : new String[][] {
                {"fanout", "--proto", "irc", "--window", "4"},
                {"rooms", "--proto", "irc"},
                {"fanout", "--proto", "irc", "--channel", "bench"},
                {"fanout", "--proto", "xmpp"},
                {"fanout", "--proto", "irc", "--irc-auth", "token"}}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> BenchOptions.parse(args), String.join(" ", args));
            assertTrue(e.getMessage().startsWith("--"), e.getMessage());
        }
    }
}
