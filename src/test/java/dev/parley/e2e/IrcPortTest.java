package dev.parley.e2e;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IRC port (irc.port): every connection speaks IRC, whatever its first line. */
class IrcPortTest {
    static final int IRC_PORT = freePort();
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("irc.port", IRC_PORT));

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("on the IRC port a client logs in with PASS and is welcomed; a line that is no IRC command is 421, not text chat")
    void ircPort() {
        server.register("ip.ann");
        try (TextClient c = TextClient.connect(IRC_PORT)) {
            c.send("hello there");
            assertTrue(c.awaitContaining(" 451 ").contains("451"), "before registration");
            c.send("PASS ip.ann:123456");
            c.send("NICK ip.ann");
            c.send("USER a 0 * :Ann");
            c.awaitContaining(" 001 ip.ann ");
            c.awaitContaining(" 900 ");
            c.send("hello there");
            c.awaitContaining(" 421 ip.ann HELLO ");
        }
    }
}
