package dev.parley.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.e2e.Http;
import dev.parley.e2e.JsonClient;
import dev.parley.protocol.Json;
import dev.parley.testkit.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An acknowledged private message is delivered to the receiver's socket or stored, even when the
 * receiver's node dies right after taking it (issue 16: "handed to a dying node, nobody stored it").
 * Made deterministic without timing windows: the receiver stops reading, so its node can queue the
 * message but never write it; then the node is killed. Three separate JVMs and a real redis-server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivateDeliveryFailoverTest {
    /** Large group messages fill the kernel's socket buffers (at most a few MiB on loopback) in a few requests. */
    private static final int FILLER_CHARS = 200_000;
    /** Output stuck in the node's JVM beyond the kernel buffers: the proof that nothing more gets written. */
    private static final long STUCK_BYTES = 1 << 20;
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    static final ClusterHarness cluster = ClusterHarness.perClass(3, true, Map.of(
                // The receiver that stops reading must not be dropped as a slow consumer while the test fills it.
                "PARLEY_LIMITS_SLOW_CONSUMER_BYTES", Long.toString(256L << 20),
                "PARLEY_LIMITS_MAX_FRAME_BYTES", Integer.toString(FILLER_CHARS + 4096),
                "PARLEY_LIMITS_MAX_TEXT_CHARS", Integer.toString(FILLER_CHARS),
                // The filler is no part of what is checked: not replayed at the next login.
                "PARLEY_HISTORY_REPLAY_MAX", "0"));

    @Test
    @Order(1)
    @DisplayName("messages acknowledged while the receiver's node could not write them reach the receiver after that node is killed")
    void acknowledgedMessagesSurviveTheReceiversNodeDying() throws Exception {
        try (Stuck stuck = stuckReceiver("f-sender", 1, "f-recv")) {
            Map<String, String> acked = sendPrivate(stuck.sender(), "f-recv", "stuck", 2);

            cluster.kill(1);
            assertReceivedAtNextLogin(2, "f-recv", acked);
        }
    }

    @Test
    @Order(2)
    @DisplayName("messages sent to a frozen node's user and acknowledged reach that user after the node is killed")
    void acknowledgedMessagesSurviveAFrozenNodeKilled() throws Exception {
        try (JsonClient sender = cluster.loggedIn(0, "z-sender"); JsonClient receiver = cluster.loggedIn(2, "z-recv")) {
            receiver.awaitCatchUp("z-recv");
            cluster.signal(2, "STOP");
            Map<String, String> acked;
            try {
                acked = sendPrivate(sender, "z-recv", "frozen", 1);
            } finally {
                cluster.kill(2);
            }
            assertReceivedAtNextLogin(0, "z-recv", acked);
        }
    }

    @Test
    @Order(3)
    @DisplayName("on one node, a message the receiver's socket did not take is stored, not acknowledged as sent")
    void sameNodeUnwrittenMessageIsStored() throws Exception {
        // Nodes 1 and 2 are gone: sender and receiver are both on node 0, so the message goes straight to the connection.
        try (Stuck stuck = stuckReceiver("s-sender", 0, "s-recv")) {
            Map<String, String> acked = sendPrivate(stuck.sender(), "s-recv", "local", 1);
            // A new login takes over: the stuck connection and its unwritten output are dropped.
            assertReceivedAtNextLogin(0, "s-recv", acked);
        }
    }

    /** A sender on node 0 and a receiver that stopped reading, whose node holds output it cannot write. */
    private record Stuck(JsonClient sender, StalledReader receiver) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try (sender; receiver) {
                // both closed
            }
        }
    }

    private static Stuck stuckReceiver(String sender, int receiverNode, String receiver) throws Exception {
        JsonClient s = cluster.loggedIn(0, sender);
        StalledReader r = null;
        try {
            r = StalledReader.login(cluster.port(receiverNode), receiver);
            fillUntilStuck(s, receiverNode);
            return new Stuck(s, r);
        } catch (Exception | Error e) {
            try (s; StalledReader started = r) {
                throw e;
            }
        }
    }

    /** Sends group messages the receiver on {@code node} does not read until the node holds output it cannot write. */
    private static void fillUntilStuck(JsonClient sender, int node) {
        String text = "x".repeat(FILLER_CHARS);
        // 100 x 200 KB = 20 MB, far more than loopback's socket buffers (tcp_wmem max 4 MiB).
        for (int i = 0; i < 100 && pendingOutput(node) < STUCK_BYTES; i++) {
            assertTrue(sender.say(text).path("ok").asBoolean(), "filler accepted");
        }
        Await.until(() -> pendingOutput(node) >= STUCK_BYTES, WAIT, Duration.ofMillis(100),
                "node " + node + " to hold output it cannot write");
    }

    /**
     * Private messages, with cids unless the receiver is on the sender's node (a cid sends those through
     * the mailbox service; without one they go straight to the connection). Returns text -> acknowledged id.
     */
    private static Map<String, String> sendPrivate(JsonClient sender, String to, String prefix, int count) {
        Map<String, String> acked = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String text = prefix + " #" + i;
            JsonNode r = sender.request(prefix.equals("local") ? JsonClient.op("msg", "to", to, "text", text)
                    : JsonClient.op("msg", "to", to, "text", text, "cid", prefix + "-" + i));
            assertTrue(r.path("ok").asBoolean(), r.toString());
            acked.put(text, r.path("id").asText());
        }
        return acked;
    }

    /** {@code user} logs in again on {@code node} and gets every message acknowledged to its sender. */
    private static void assertReceivedAtNextLogin(int node, String user, Map<String, String> acked) {
        try (JsonClient again = cluster.loggedIn(node, user)) {
            assertAllDelivered(again, user, acked);
        }
    }

    /** Each acknowledged message arrives (from the mailbox) with its acknowledged id; repeats only with that id. */
    private static void assertAllDelivered(JsonClient c, String self, Map<String, String> acked) {
        for (var e : acked.entrySet()) {
            JsonNode m = c.await(f -> "message".equals(f.path("op").asText()) && e.getKey().equals(f.path("text").asText()),
                    "acknowledged message '" + e.getKey() + "'", WAIT);
            assertEquals(e.getValue(), m.path("id").asText(), "delivered with the id its sender was given");
        }
        c.awaitCatchUp(self); // anything still on its way (a repeat) arrives before this
        for (JsonNode f : c.unconsumed()) {
            String id = acked.get(f.path("text").asText());
            if ("message".equals(f.path("op").asText()) && id != null) assertEquals(id, f.path("id").asText(), "a repeat keeps its id");
        }
    }

    private static long pendingOutput(int node) {
        for (String line : Http.get(cluster.opsPort(node), "/metrics").body().split("\n")) {
            if (line.startsWith("parley_pending_output_bytes ")) {
                return (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        throw new AssertionError("no parley_pending_output_bytes on node " + node);
    }

    /** A logged-in client that stops reading once its login has caught up, with a small receive buffer. */
    private static final class StalledReader implements AutoCloseable {
        private final Socket socket;

        private StalledReader(Socket socket) {
            this.socket = socket;
        }

        static StalledReader login(int port, String user) throws Exception {
            try (JsonClient r = JsonClient.connect(port)) {
                r.registerIfNeeded(user, "123456");
            }
            Socket s = new Socket();
            s.setReceiveBufferSize(4096); // before connect, so the advertised window stays small
            s.setSoTimeout((int) WAIT.toMillis());
            s.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            write(out, Json.object().put("op", "login").put("user", user).put("password", "123456").put("rid", "l").toString());
            // A message to oneself is held until the login caught up: once it arrives, the session is live.
            write(out, Json.object().put("op", "msg").put("to", user).put("text", "live").put("rid", "b").toString());
            for (String line; (line = in.readLine()) != null; ) {
                if (line.contains("\"op\":\"login\"") && !line.contains("\"ok\":true")) throw new AssertionError(line);
                if (line.contains("\"op\":\"message\"") && line.contains("\"text\":\"live\"")) return new StalledReader(s);
            }
            throw new AssertionError("closed before the login caught up");
        }

        private static void write(OutputStream out, String line) throws Exception {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
