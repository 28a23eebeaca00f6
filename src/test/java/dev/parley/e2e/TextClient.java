package dev.parley.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** A human on nc, automated: sends lines, awaits lines. */
public final class TextClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final Inbox<String> inbox = new Inbox<>();

    private TextClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    inbox.add(line);
                }
            } catch (IOException ignored) {
                // closed
            }
            inbox.closed();
        }, "text-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static TextClient connect(int port) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return new TextClient(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client over a socket that is already connected (e.g. a TLS socket after its handshake). */
    public static TextClient over(Socket connected) {
        try {
            return new TextClient(connected);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void send(String line) {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a line terminated by a bare LF (as nc on Unix does). */
    public void sendLf(String line) {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) {
        Sockets.write(out, bytes);
    }

    public String await(Predicate<String> match, String what) {
        return inbox.await(match, what, JsonClient.TIMEOUT);
    }

    /** Like {@link #await} but returns null when nothing matching arrives within {@code timeout}. */
    public String poll(Predicate<String> match, Duration timeout) {
        return inbox.poll(match, "a matching line", timeout);
    }

    /** Every line received so far, in arrival order (including consumed ones). */
    public List<String> log() {
        return inbox.log();
    }

    /** The lines that arrived before {@code marker} (a line this client received), in arrival order. */
    public List<String> linesBefore(String marker) {
        return inbox.before(marker);
    }

    /** Registers {@code user} (password 123456) and logs in with slash commands, as a person would. */
    public TextClient registerAndLogin(String user) {
        send("/register " + user + " 123456");
        awaitContaining("registered " + user);
        send("/login " + user + " 123456");
        awaitContaining("welcome");
        return this;
    }

    public String awaitContaining(String fragment) {
        return await(l -> l.contains(fragment), "a line containing '" + fragment + "'");
    }

    public boolean awaitClosed() {
        return inbox.awaitClosed(JsonClient.TIMEOUT);
    }

    @Override
    public void close() {
        Sockets.closeQuietly(socket);
    }
}
