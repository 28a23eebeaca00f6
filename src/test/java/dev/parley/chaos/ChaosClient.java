package dev.parley.chaos;

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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One JSON-lines connection of a simulated user. Unlike the e2e JsonClient it keeps nothing: replies
 * complete the request waiting for their rid, every message frame goes straight to the {@link History}
 * as a delivery, so a 30-minute run holds no growing inbox.
 */
final class ChaosClient implements AutoCloseable {
    private static final AtomicLong SESSIONS = new AtomicLong();

    /** The request's connection closed (or was cut) before its reply. */
    static final class Closed extends Exception {
        Closed(String why) {
            super(why, null, false, false);
        }
    }

    final long sessionId = SESSIONS.incrementAndGet();
    final int node;
    private final Socket socket;
    private final OutputStream out;
    private final History history;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger rid = new AtomicInteger();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private volatile String user;
    /** When the login caught up (its barrier came back); until then the session is not "online throughout" anything. */
    private volatile long liveAt = Long.MAX_VALUE;
    private final Map<String, CompletableFuture<Void>> awaitedTexts = new ConcurrentHashMap<>();

    private ChaosClient(Socket socket, int node, History history) throws IOException {
        this.socket = socket;
        this.node = node;
        this.history = history;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "chaos-client-" + sessionId);
        reader.setDaemon(true);
        reader.start();
    }

    static ChaosClient connect(int port, int node, History history) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setTcpNoDelay(true);
            return new ChaosClient(s, node, history);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    String user() {
        return user;
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    /** Completes with the reason (a bye reason, EOF, CUT) when the connection is gone. */
    CompletableFuture<String> closedFuture() {
        return closed;
    }

    /** Sends a request with a fresh rid and waits for its reply. */
    JsonNode request(ObjectNode request, Duration timeout) throws Closed, TimeoutException {
        String id = Integer.toString(rid.incrementAndGet());
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            send(request.put("rid", id));
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new Closed(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Closed("interrupted");
        } finally {
            pending.remove(id);
        }
    }

    /** Sends a request and drops the connection at once with a RST: the reply, if any, is never read. */
    void sendAndCut(ObjectNode request) {
        try {
            send(request.put("rid", "cut"));
        } catch (Closed ignored) {
            // already gone: the same as a cut
        }
        cut();
    }

    static ObjectNode op(String op, String... keyValues) {
        ObjectNode n = Json.object().put("op", op);
        for (int i = 0; i < keyValues.length; i += 2) n.put(keyValues[i], keyValues[i + 1]);
        return n;
    }

    private void send(ObjectNode request) throws Closed {
        try {
            synchronized (out) {
                out.write((request + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            finish("write failed: " + e.getMessage());
            throw new Closed("write failed");
        }
    }

    private void readLoop() {
        String reason = "EOF";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.startsWith("{")) continue; // not JSON: never expected
                JsonNode f = Json.MAPPER.readTree(line);
                String op = f.path("op").asText();
                if ("message".equals(op)) {
                    record(f);
                } else if ("bye".equals(op)) {
                    reason = f.path("reason").asText("BYE");
                } else if (f.has("rid")) {
                    // Set here, before the reply is handed over: stored messages follow the login reply at once.
                    if ("login".equals(op) && f.path("ok").asBoolean()) user = f.path("user").asText();
                    CompletableFuture<JsonNode> waiting = pending.get(f.path("rid").asText());
                    if (waiting != null) waiting.complete(f);
                }
            }
        } catch (IOException e) {
            reason = "IO " + e.getMessage();
        }
        finish(reason);
    }

    /**
     * Logs in and waits until the login's catch-up is over: a private message to oneself is held until then.
     * Returns false (and closes) when the node refuses or does not answer in time.
     */
    boolean login(String user, String password, Duration timeout) {
        try {
            JsonNode r = request(op("login", "user", user, "password", password), timeout);
            if (!r.path("ok").asBoolean()) {
                close();
                return false;
            }
            String text = HistoryChecker.BARRIER_PREFIX + user + " " + sessionId;
            CompletableFuture<Void> back = awaitedTexts.computeIfAbsent(text, t -> new CompletableFuture<>());
            JsonNode sent = request(op("msg", "to", user, "text", text), timeout);
            if (!sent.path("ok").asBoolean()) {
                close();
                return false;
            }
            back.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            liveAt = History.now();
            return true;
        } catch (Closed | TimeoutException | ExecutionException e) {
            close();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return false;
        }
    }

    private void record(JsonNode f) {
        String receiver = user;
        if (receiver == null) receiver = "(not logged in)";
        CompletableFuture<Void> awaited = awaitedTexts.remove(f.path("text").asText());
        if (awaited != null) awaited.complete(null);
        history.delivery(new History.Delivery(sessionId, receiver, node, f.path("id").asText(), f.path("kind").asText(),
                f.path("from").asText(), f.path("to").asText(null), f.path("text").asText(), f.path("offline").asBoolean(),
                History.now()));
    }

    private void finish(String reason) {
        if (closed.complete(reason) && user != null) {
            history.session(new History.Session(sessionId, user, node, liveAt, History.now(), reason));
        }
        for (CompletableFuture<JsonNode> waiting : pending.values()) waiting.completeExceptionally(new IOException(reason));
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Drops the connection with a RST, as a lost network would. */
    void cut() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closing anyway
        }
        finish("CUT");
    }

    @Override
    public void close() {
        finish("CLOSED");
    }
}
