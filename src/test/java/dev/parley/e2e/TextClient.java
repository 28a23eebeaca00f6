package dev.parley.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A human on nc, automated: sends lines, awaits lines. */
public final class TextClient implements AutoCloseable {
    private static final String CLOSED = "\u0000closed";
    private final Socket socket;
    private final OutputStream out;
    private final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    /** Every line received, in arrival order, whether or not an await consumed it. */
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private TextClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.add(line);
                    inbox.add(line);
                }
            } catch (IOException ignored) {
                // closed
            }
            inbox.add(CLOSED);
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

    public void send(String line) {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a line terminated by a bare LF (as nc on Unix does). */
    public void sendLf(String line) {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String await(Predicate<String> match, String what) {
        String l = poll(match, what, JsonClient.TIMEOUT);
        if (l == null) throw new AssertionError("timed out waiting for " + what + "; got " + seen);
        return l;
    }

    /** Like {@link #await} but returns null when nothing matching arrives within {@code timeout}. */
    public String poll(Predicate<String> match, Duration timeout) {
        return poll(match, "a matching line", timeout);
    }

    private String poll(Predicate<String> match, String what, Duration timeout) {
        for (int i = 0; i < seen.size(); i++) {
            if (match.test(seen.get(i))) return seen.remove(i);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String l = left <= 0 ? inbox.poll() : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (l == null) return null;
                if (CLOSED.equals(l)) {
                    inbox.add(CLOSED);
                    throw new AssertionError("closed while waiting for " + what + "; got " + seen);
                }
                if (match.test(l)) return l;
                seen.add(l);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every line received so far, in arrival order (including consumed ones). */
    public List<String> log() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    /** The lines that arrived before {@code marker} (a line this client received), in arrival order. */
    public List<String> linesBefore(String marker) {
        List<String> all = log();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == marker) return all.subList(0, i);
        }
        throw new AssertionError("not received by this client: " + marker);
    }

    public String awaitContaining(String fragment) {
        return await(l -> l.contains(fragment), "a line containing '" + fragment + "'");
    }

    public boolean awaitClosed() {
        long deadline = System.nanoTime() + JsonClient.TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String l = inbox.poll(100, TimeUnit.MILLISECONDS);
                if (CLOSED.equals(l)) return true;
                if (l != null) seen.add(l);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // gone
        }
    }
}
