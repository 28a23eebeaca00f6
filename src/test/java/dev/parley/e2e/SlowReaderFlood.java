package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.parley.e2e.JsonClient.op;

/**
 * Clients that log in and then never read, while senders flood the group with ~4,000-character
 * messages: the output a node must bound. Every count and time is capped.
 */
public final class SlowReaderFlood implements AutoCloseable {
    public static final String PADDING = "f".repeat(3980);
    private final int port;
    private final String prefix;
    private final List<Socket> readers = new ArrayList<>();

    public SlowReaderFlood(int port, String prefix) {
        this.port = port;
        this.prefix = prefix;
    }

    public static String slowUser(String prefix, int i) {
        return prefix + ".slow" + i;
    }

    /** Logs in {@code n} clients with tiny receive buffers that read up to their login reply, then never again. */
    public void openNonReaders(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            readers.add(s);
            loginAndStopReading(s, port, slowUser(prefix, i));
        }
    }

    /**
     * Registers and logs in {@code user} over {@code s} (not yet connected) with a tiny receive buffer, reads up to the
     * login reply and returns the reader, which the caller then leaves alone: a client that stopped reading.
     */
    public static BufferedReader loginAndStopReading(Socket s, int port, String user) throws IOException {
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout((int) JsonClient.TIMEOUT.toMillis());
        OutputStream out = s.getOutputStream();
        out.write((op("register", "user", user, "password", "123456") + "\n"
                + op("login", "user", user, "password", "123456", "rid", "login") + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            JsonNode f = Json.MAPPER.readTree(line);
            if ("login".equals(f.path("rid").asText())) {
                if (!f.path("ok").asBoolean()) throw new AssertionError("login of " + user + " failed: " + f);
                return in;
            }
        }
        throw new AssertionError("closed before the login reply of " + user);
    }

    /**
     * Each sender says {@code perSender} messages, pipelined in windows of 20 (each window's last
     * reply awaited), in its own thread, stopping early when {@code stop} says so or time runs out.
     *
     * @return messages accepted, over all senders
     */
    public static int flood(List<JsonClient> senders, int perSender, Duration maxTime, java.util.function.BooleanSupplier stop)
            throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        long deadline = System.nanoTime() + maxTime.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders.size(); s++) {
            JsonClient c = senders.get(s);
            int id = s;
            Thread t = new Thread(() -> {
                for (int i = 0; i < perSender && System.nanoTime() < deadline && !stop.getAsBoolean(); i += 20) {
                    int end = Math.min(perSender, i + 20);
                    for (int j = i; j < end; j++) {
                        c.send(op("say", "text", "flood " + id + " " + j + " " + PADDING, "rid", "s" + id + "-" + j));
                    }
                    String last = "s" + id + "-" + (end - 1);
                    c.await(f -> last.equals(f.path("rid").asText()), "reply " + last);
                    sent.addAndGet(end - i);
                }
            }, "flood-" + s);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        return sent.get();
    }

    @Override
    public void close() {
        for (Socket s : readers) {
            try {
                s.close();
            } catch (IOException ignored) {
                // gone
            }
        }
    }
}
