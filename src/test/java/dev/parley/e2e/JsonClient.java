package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.Json;

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

/**
 * A JSON-lines test client over a real socket. A reader thread queues every frame; tests await the
 * frames they expect (with a deadline), never sleep.
 */
public final class JsonClient implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final OutputStream out;
    private final Inbox<JsonNode> inbox = new Inbox<>();
    private volatile boolean closedByServer;
    private final List<String> textLines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int rid;
    private int barrier;

    private JsonClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "json-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static JsonClient connect(int port) {
        return connectFrom("127.0.0.1", port);
    }

    /** Connects from another loopback address (127.0.0.2, ...): to the server, another client IP. */
    public static JsonClient connectFrom(String localAddress, int port) {
        try {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(localAddress, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setTcpNoDelay(true);
            return new JsonClient(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client over a socket that is already connected (e.g. a TLS socket after its handshake). */
    public static JsonClient over(Socket connected) {
        try {
            connected.setTcpNoDelay(true);
            return new JsonClient(connected);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                // A line that is no JSON is kept apart (the server never greets a JSON client: SilentStartTest).
                if (!line.startsWith("{")) {
                    textLines.add(line);
                    continue;
                }
                JsonNode frame = Json.MAPPER.readTree(line);
                inbox.add(frame);
            }
        } catch (IOException ignored) {
            // closed
        }
        closedByServer = true;
        inbox.closed();
    }

    public void sendRaw(byte[] bytes) {
        Sockets.write(out, bytes);
    }

    public void sendLine(String line) {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void send(ObjectNode request) {
        sendLine(request.toString());
    }

    /** Sends a request with a fresh rid and returns its reply. */
    public JsonNode request(ObjectNode request) {
        String id = "r" + (++rid);
        request.put("rid", id);
        send(request);
        return await(f -> id.equals(f.path("rid").asText(null)), "reply to " + request);
    }

    public static ObjectNode op(String op, String... keyValues) {
        ObjectNode n = Json.object().put("op", op);
        for (int i = 0; i < keyValues.length; i += 2) n.put(keyValues[i], keyValues[i + 1]);
        return n;
    }

    public JsonNode register(String user, String password) {
        return request(op("register", "user", user, "password", password));
    }

    public void registerIfNeeded(String user, String password) {
        JsonNode r = register(user, password);
        if (!r.path("ok").asBoolean() && !"USER_EXISTS".equals(Replies.code(r))) {
            throw new AssertionError("register failed: " + r);
        }
    }

    public JsonNode login(String user, String password) {
        JsonNode r = request(op("login", "user", user, "password", password));
        if (!r.path("ok").asBoolean()) throw new AssertionError("login failed: " + r);
        return r;
    }

    /** Registers {@code user} (password 123456) unless it exists, then logs in; returns the login reply. */
    public JsonNode registerAndLogin(String user) {
        registerIfNeeded(user, "123456");
        return login(user, "123456");
    }

    public JsonNode say(String text) {
        return request(op("say", "text", text));
    }

    public JsonNode msg(String to, String text) {
        return request(op("msg", "to", to, "text", text));
    }

    /**
     * Waits until this session's login catch-up is over and live group messages flow: a private
     * message to oneself is held until then. Returns that message (it is in {@link #log()}).
     */
    public JsonNode awaitCatchUp(String self) {
        String text = "catch-up barrier " + (++barrier);
        JsonNode ok = msg(self, text);
        if (!ok.path("ok").asBoolean()) throw new AssertionError("barrier not sent: " + ok);
        return awaitMessage(text);
    }

    /** The first frame (in arrival order, including ones skipped by earlier awaits) matching. */
    public JsonNode await(Predicate<JsonNode> match, String what) {
        return await(match, what, TIMEOUT);
    }

    public JsonNode await(Predicate<JsonNode> match, String what, Duration timeout) {
        return inbox.await(match, what, timeout);
    }

    /**
     * Like {@link #await} but returns null when nothing matching arrives within {@code timeout}
     * (zero: only what has already arrived). Fails if the connection closes first.
     */
    public JsonNode poll(Predicate<JsonNode> match, Duration timeout) {
        return inbox.poll(match, "a matching frame", timeout);
    }

    /**
     * Asserts that no frame matching arrives within {@code window}: a deliberate wait, for checks that
     * something does not happen (there is no event to await).
     */
    public void assertNothingWithin(Duration window, Predicate<JsonNode> match, String what) {
        JsonNode f = poll(match, window);
        if (f != null) throw new AssertionError("expected no " + what + " within " + window.toMillis() + " ms; got " + f);
    }

    public JsonNode awaitOp(String op) {
        return await(f -> Replies.isOp(f, op), op);
    }

    public JsonNode awaitPresence(String user, String status) {
        return awaitPresence(user, status, TIMEOUT);
    }

    public JsonNode awaitPresence(String user, String status, Duration timeout) {
        return await(f -> Replies.isPresence(f, user, status), "presence " + status + " of " + user, timeout);
    }

    public JsonNode awaitMessage(String text) {
        return await(f -> Replies.isMessage(f, text), "message '" + text + "'");
    }

    /** Waits until the server closed the connection; returns every frame not yet consumed. */
    public List<JsonNode> awaitClosed() {
        if (!inbox.awaitClosed(TIMEOUT)) throw new AssertionError("connection still open; got " + inbox.seenSoFar());
        return inbox.seenSoFar();
    }

    /** Every frame received so far that no await consumed (drains the queue without waiting). */
    public List<JsonNode> unconsumed() {
        return inbox.drainUnconsumed();
    }

    /** Lines that were not JSON (none expected: the server never greets a JSON client). */
    public List<String> textLines() {
        return textLines;
    }

    /** Every frame received so far, in arrival order (including consumed ones). */
    public List<JsonNode> log() {
        return inbox.log();
    }

    /** The frames that arrived before {@code marker} (a frame this client received), in arrival order. */
    public List<JsonNode> framesBefore(JsonNode marker) {
        return inbox.before(marker);
    }

    public boolean closedByServer() {
        return closedByServer;
    }

    public Socket socket() {
        return socket;
    }

    /** Drops the TCP connection with a RST instead of a FIN. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        Sockets.closeQuietly(socket);
    }
}
