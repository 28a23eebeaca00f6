package dev.parley.e2e;

import dev.parley.protocol.seed.SeedMessage.RegisterResMes;
import dev.parley.protocol.seed.StockSeedClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parley never speaks first: a program client that connects and takes its time (a slow accept path, a busy
 * generator, a stock seed client waiting for its user) hears nothing until its first bytes chose its protocol.
 */
class SilentStartTest {
    /** Well past the 300 ms after which Parley used to greet a silent connection in text. */
    private static final Duration SILENCE = Duration.ofMillis(1000);

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** Connects and checks that nothing at all arrives while the client stays silent. */
    private static Socket connectAndStaySilent() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        s.setSoTimeout((int) SILENCE.toMillis());
        assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read(), "a silent client hears nothing");
        s.setSoTimeout((int) JsonClient.TIMEOUT.toMillis());
        return s;
    }

    private static BufferedReader lines(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    @Test
    @DisplayName("a JSON client that speaks after a long silence gets JSON, and only JSON")
    void jsonClient() throws IOException {
        try (Socket s = connectAndStaySilent()) {
            send(s, "{\"op\":\"ping\",\"rid\":7}\n");
            String first = lines(s).readLine();
            assertTrue(first.startsWith("{") && first.contains("\"rid\":7"), "the answer first, in JSON: " + first);
        }
    }

    @Test
    @DisplayName("a stock seed client whose user takes their time gets a seed frame it can read")
    void seedClient() throws IOException {
        Socket s = connectAndStaySilent();
        // register(...) reads the reply as the stock client does and closes the socket; a text line would be a huge length.
        RegisterResMes reply = StockSeedClient.register(s, 31_337, "123456", "late");
        assertEquals(RegisterResMes.OK, reply.code(), reply.toString());
    }

    @Test
    @DisplayName("an IRC client that registers after a long silence gets IRC lines only")
    void ircClient() throws IOException {
        try (Socket s = connectAndStaySilent()) {
            send(s, "NICK late\r\nUSER late 0 * :Late\r\n");
            String first = lines(s).readLine();
            assertTrue(first.startsWith(":") || first.startsWith("NOTICE") || first.startsWith("PING"),
                    "an IRC line, not a text greeting: " + first);
        }
    }

    @Test
    @DisplayName("a person who connects with nc and presses Enter is welcomed and told about /help")
    void personPressingEnter() throws IOException {
        try (Socket s = connectAndStaySilent()) {
            send(s, "\n");
            BufferedReader in = lines(s);
            String first = in.readLine();
            assertTrue(first.startsWith("* Welcome to Parley") && first.contains("/help"), first);
            assertTrue(in.readLine().contains("/register"));
        }
    }
}
