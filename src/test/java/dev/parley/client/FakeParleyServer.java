package dev.parley.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted stand-in for the Parley server on a real loopback socket. One account (100 / 123456,
 * "scott"); bob (200) is online, carol (300) is not. Some say texts trigger scenarios:
 * "drop me" hangs up once without replying, "replace me" sends bye REPLACED, "slow" waits for
 * {@link #releaseSlow()}.
 */
final class FakeParleyServer implements AutoCloseable {

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<String> droppedCids = ConcurrentHashMap.newKeySet();
    /** Offline messages for 100, delivered at its next login. */
    private final Queue<JsonObject> mailbox = new ConcurrentLinkedQueue<>();
    private final CountDownLatch slow = new CountDownLatch(1);
    private final AtomicInteger says = new AtomicInteger();
    private final AtomicInteger msgs = new AtomicInteger();
    final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    final AtomicInteger connections = new AtomicInteger();

    FakeParleyServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        mailbox.add(message("private", "300", "carol", "while you were out").put("to", "100").put("offline", true));
        Thread acceptor = new Thread(this::accept, "fake-parley-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void releaseSlow() {
        slow.countDown();
    }

    /** The next request the client sent, failing the test if none comes in time. */
    JsonObject nextRequest() throws InterruptedException {
        JsonObject request = received.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the client sent nothing");
        }
        return request;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.incrementAndGet();
                open.add(socket);
                Thread serve = new Thread(() -> serve(socket), "fake-parley-conn");
                serve.setDaemon(true);
                serve.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                JsonObject request = new JsonObject(line);
                received.add(request);
                if (!answer(request, out)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client went away or the test ended
        } finally {
            open.remove(socket);
        }
    }

    /** Replies to one request; false when the connection must end. */
    private boolean answer(JsonObject request, OutputStream out) throws IOException, InterruptedException {
        String op = request.getString("op");
        switch (op) {
            case "register" -> {
                if (request.getString("user").equals("100")) {
                    send(out, error(request, "USER_EXISTS", "id 100 is taken"));
                } else {
                    send(out, ok(request).put("user", request.getString("user")));
                }
            }
            case "login" -> {
                if (!"100".equals(request.getString("user")) || !"123456".equals(request.getString("password"))) {
                    send(out, error(request, "BAD_CREDENTIALS", "wrong id or password"));
                    return true;
                }
                send(out, ok(request).put("user", "100").put("name", "scott")
                        .put("online", new JsonArray().add(person("200", "bob"))));
                JsonObject missed;
                while ((missed = mailbox.poll()) != null) {
                    sendInPieces(out, missed.encode() + "\r\n");
                }
            }
            case "who" -> {
                out.write("not json\n".getBytes(StandardCharsets.UTF_8));
                send(out, ok(request).put("count", 2)
                        .put("online", new JsonArray().add(person("100", "scott")).add(person("200", "bob"))));
            }
            case "say" -> {
                return say(request, out);
            }
            case "msg" -> {
                String to = request.getString("to");
                if (to.equals("999")) {
                    send(out, error(request, "NO_SUCH_USER", "no user 999"));
                } else {
                    send(out, ok(request).put("id", "p" + msgs.incrementAndGet()).put("ts", 1L).put("stored", to.equals("300")));
                }
            }
            case "ping" -> send(out, new JsonObject().put("op", "pong").put("rid", request.getValue("rid")));
            case "logout" -> {
                send(out, ok(request));
                return false;
            }
            default -> send(out, error(request, "UNKNOWN_OP", "unknown op " + op));
        }
        return true;
    }

    private boolean say(JsonObject request, OutputStream out) throws IOException, InterruptedException {
        String text = request.getString("text");
        if (text.equals("drop me") && droppedCids.add(request.getString("cid"))) {
            mailbox.add(message("group", "200", "bob", "said while you were away").put("offline", true));
            return false;
        }
        if (text.equals("replace me")) {
            send(out, new JsonObject().put("op", "bye").put("reason", "REPLACED").put("message", "logged in from another place"));
            return false;
        }
        if (text.equals("slow") && !slow.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("slow reply never released");
        }
        send(out, ok(request).put("id", "g" + says.incrementAndGet()).put("ts", 1L));
        send(out, message("group", "300", "carol", "re: " + text));
        return true;
    }

    private static void send(OutputStream out, JsonObject frame) throws IOException {
        out.write((frame.encode() + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Splits a frame across several writes so the client must reassemble it. */
    private static void sendInPieces(OutputStream out, String frame) throws IOException {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        int third = bytes.length / 3;
        out.write(bytes, 0, third);
        out.flush();
        out.write(bytes, third, third);
        out.flush();
        out.write(bytes, 2 * third, bytes.length - 2 * third);
        out.flush();
    }

    private static JsonObject ok(JsonObject request) {
        return new JsonObject().put("op", request.getString("op")).put("ok", true).put("rid", request.getValue("rid"));
    }

    private static JsonObject error(JsonObject request, String code, String message) {
        return new JsonObject().put("op", request.getString("op")).put("ok", false).put("rid", request.getValue("rid"))
                .put("error", new JsonObject().put("code", code).put("message", message));
    }

    private static JsonObject person(String user, String name) {
        return new JsonObject().put("user", user).put("name", name);
    }

    private static JsonObject message(String kind, String from, String name, String text) {
        return new JsonObject().put("op", "message").put("kind", kind).put("id", "x-" + text.hashCode())
                .put("from", from).put("name", name).put("text", text).put("ts", 1L);
    }

    @Override
    public void close() throws IOException {
        releaseSlow();
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
