package dev.parley.protocol.seed;

import dev.parley.protocol.seed.SeedMessage.LoginMes;
import dev.parley.protocol.seed.SeedMessage.LoginResMes;
import dev.parley.protocol.seed.SeedMessage.NotifyUserStatusMes;
import dev.parley.protocol.seed.SeedMessage.RegisterMes;
import dev.parley.protocol.seed.SeedMessage.RegisterResMes;
import dev.parley.protocol.seed.SeedMessage.SmsMes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the test double against a scripted one-connection server, so later end-to-end failures mean the server. */
@Timeout(20)
class StockSeedClientTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String HOST = "127.0.0.1";

    @Test
    @DisplayName("register sends RegisterMes with Go's zero values and returns the one reply")
    void register() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.received.add(peer.read());
            peer.send(RegisterResMes.userExists());
            peer.expectEndOfStream();
        })) {
            RegisterResMes result = StockSeedClient.register(HOST, server.port(), 42, "pw", "Ann");
            assertEquals(RegisterResMes.userExists(), result);
            assertEquals(new RegisterMes(new SeedUser(42, "pw", "Ann", 0, "")), server.next());
            server.finish();
        }
    }

    @Test
    @DisplayName("a logged-in client receives pushes, sends group messages as itself or a forged id, and quits silently")
    void loginSession() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.received.add(peer.read());
            peer.send(LoginResMes.ok(List.of(100L, 200L)));
            peer.send(NotifyUserStatusMes.online(300));
            peer.sendSplit(SmsMes.group("你好 🙂", 300)); // a frame TCP delivers in two pieces
            peer.received.add(peer.read());
            peer.received.add(peer.read());
            peer.expectEndOfStream();
        })) {
            StockSeedClient client = StockSeedClient.login(HOST, server.port(), 100, "123456");
            assertEquals(new LoginMes(100, "123456", ""), server.next());
            assertTrue(client.loggedIn());
            assertEquals(List.of(100L, 200L), client.loginResult().usersId());

            SmsMes sms = client.awaitMessage(SmsMes.class, m -> m.userId() == 300, WAIT);
            assertEquals("你好 🙂", sms.content());
            assertEquals(NotifyUserStatusMes.online(300), client.awaitMessage(m -> true, WAIT)); // kept while passed over

            client.sendGroup("hi");
            assertEquals(SmsMes.group("hi", 100), server.next());
            client.sendGroupAsForgedUser("evil", 999);
            assertEquals(SmsMes.group("evil", 999), server.next());

            client.close();
            server.finish();
            assertEquals(List.of(), client.problems());
        }
    }

    @Test
    @DisplayName("a failed login leaves the client disconnected, as the stock client is")
    void failedLogin() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.read();
            peer.send(LoginResMes.wrongPassword());
            peer.expectEndOfStream();
        })) {
            StockSeedClient client = StockSeedClient.login(HOST, server.port(), 100, "bad");
            assertFalse(client.loggedIn());
            assertEquals(LoginResMes.wrongPassword(), client.loginResult());
            assertThrows(IllegalStateException.class, () -> client.sendGroup("x"));
            server.finish();
        }
    }

    @Test
    @DisplayName("a first frame of another type is misread as a failed login, as the stock client does")
    void firstFrameNotLoginResult() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.read();
            peer.send(NotifyUserStatusMes.online(7));
            peer.send(LoginResMes.ok(List.of(100L)));
            peer.expectEndOfStream();
        })) {
            StockSeedClient client = StockSeedClient.login(HOST, server.port(), 100, "123456");
            assertFalse(client.loggedIn());
            assertEquals(0, client.loginResult().code());
            assertNull(client.loginResult().usersId());
            assertInstanceOf(NotifyUserStatusMes.class, client.firstFrame());
            server.finish();
        }
    }

    @Test
    @DisplayName("a frame above 8096 bytes is reported as one that would crash the stock client")
    void oversizedFrame() throws Exception {
        try (ScriptedServer server = ScriptedServer.afterLogin(peer -> {
            byte[] frame = new byte[4 + 8097];
            frame[2] = (byte) 0x1F;
            frame[3] = (byte) 0xA1; // 0x1FA1 = 8097
            peer.sendRaw(frame);
            peer.expectEndOfStream();
        })) {
            StockSeedClient client = StockSeedClient.login(HOST, server.port(), 100, "123456");
            AssertionError failure = assertThrows(AssertionError.class, () -> client.awaitMessage(m -> true, WAIT));
            assertTrue(failure.getMessage().contains("8097-byte frame would crash"), failure.getMessage());
            assertTrue(client.awaitDisconnect(WAIT));
            client.close();
            server.finish();
        }
    }

    @Test
    @DisplayName("expectNoMessage ignores other messages and catches a matching one")
    void expectNoMessage() throws Exception {
        try (ScriptedServer server = ScriptedServer.afterLogin(peer -> {
            peer.send(NotifyUserStatusMes.online(5));
            peer.send(SmsMes.group("echo", 100));
            peer.expectEndOfStream();
        })) {
            StockSeedClient client = StockSeedClient.login(HOST, server.port(), 100, "123456");
            client.awaitMessage(SmsMes.class, m -> true, WAIT);
            client.expectNoMessage(m -> m instanceof SmsMes, Duration.ofMillis(100));
            assertThrows(AssertionError.class,
                    () -> client.expectNoMessage(m -> m instanceof NotifyUserStatusMes, Duration.ofMillis(100)));
            client.close();
            server.finish();
        }
    }

    /** Accepts one connection and runs a script on it; frames it reads are handed to the test via {@link #next}. */
    private static final class ScriptedServer implements AutoCloseable {
        private final ServerSocket serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final BlockingQueue<SeedMessage> received = new LinkedBlockingQueue<>();
        private final CompletableFuture<Void> run;

        ScriptedServer(Script script) throws IOException {
            run = CompletableFuture.runAsync(() -> {
                try (Socket socket = serverSocket.accept()) {
                    socket.setSoTimeout(10_000);
                    script.run(new Peer(socket, received));
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
        }

        /** A server that accepts user 100's login, then runs {@code then}. */
        static ScriptedServer afterLogin(Script then) throws IOException {
            return new ScriptedServer(peer -> {
                peer.read();
                peer.send(LoginResMes.ok(List.of(100L)));
                then.run(peer);
            });
        }

        int port() {
            return serverSocket.getLocalPort();
        }

        SeedMessage next() throws InterruptedException {
            SeedMessage message = received.poll(5, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("server received nothing");
            }
            return message;
        }

        void finish() throws Exception {
            run.get(5, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            serverSocket.close();
        }
    }

    private interface Script {
        void run(Peer peer) throws Exception;
    }

    private static final class Peer {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        final BlockingQueue<SeedMessage> received;

        Peer(Socket socket, BlockingQueue<SeedMessage> received) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
            this.received = received;
        }

        SeedMessage read() throws Exception {
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            return SeedCodec.decode(body);
        }

        void send(SeedMessage message) throws IOException {
            sendRaw(SeedCodec.encode(message));
        }

        void sendSplit(SeedMessage message) throws Exception {
            byte[] frame = SeedCodec.encode(message);
            int half = frame.length / 2;
            sendRaw(Arrays.copyOfRange(frame, 0, half));
            Thread.sleep(50);
            sendRaw(Arrays.copyOfRange(frame, half, frame.length));
        }

        void sendRaw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** The stock client closes without a word. */
        void expectEndOfStream() throws IOException {
            int next;
            try {
                next = in.read();
            } catch (SocketException reset) {
                next = -1; // closing with our bytes still unread makes the client's kernel reset instead of FIN
            }
            if (next != -1) {
                throw new AssertionError("client sent a byte before closing: " + next);
            }
            socket.close();
        }
    }
}
