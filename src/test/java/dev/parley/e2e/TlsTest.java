package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.ParleyServer;
import dev.parley.protocol.seed.SeedMessage.RegisterResMes;
import dev.parley.protocol.seed.StockSeedClient;
import dev.parley.testkit.Await;
import dev.parley.testkit.TestCerts;
import dev.parley.testkit.TlsSockets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.parley.e2e.Replies.isMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TLS chat port over real TLS on loopback, with certificates made by bin/parley-certs. */
@Timeout(120)
class TlsTest {
    static final TestCerts certs = TestCerts.create();
    @RegisterExtension
    static final TestServer server = TestServer.perClass(tls(certs.cert(), certs.key()));
    static final SSLContext trusted = TlsSockets.trusting(certs.ca());

    static Map<String, Object> tls(Path cert, Path key) {
        return Map.of("server.tlsPort", 0, "server.tlsCert", cert.toString(), "server.tlsKey", key.toString(),
                "server.tlsReloadSeconds", 0);
    }

    static int tlsPort(TestServer s) {
        return s.server().tlsPort();
    }

    @Test
    @DisplayName("a JSON client logs in and chats over TLS, with a plain-port user in the same room")
    void jsonOverTls() throws IOException {
        int port = tlsPort(server);
        assertTrue(port > 0 && port != server.port(), "a second port: " + port);
        SSLSocket socket = TlsSockets.connect(trusted, port);
        assertEquals(TlsSockets.serial(certs.cert()), TlsSockets.peerSerial(socket), "the configured certificate");
        try (JsonClient secure = JsonClient.over(socket); JsonClient plain = server.loggedIn("tls.plain")) {
            JsonNode login = secure.registerAndLogin("tls.json");
            assertTrue(login.path("ok").asBoolean(), login.toString());
            plain.awaitPresence("tls.json", "online");
            secure.say("hello over tls");
            assertEquals("tls.json", plain.awaitMessage("hello over tls").path("from").asText());
            plain.say("hello in clear");
            // Server-to-client bytes go through the batched Outbox: readable here only if they were encrypted.
            assertEquals("tls.plain", secure.awaitMessage("hello in clear").path("from").asText());
        }
    }

    @Test
    @DisplayName("a burst of large messages reaches a TLS client whole and in order (batched writes span many TLS records)")
    void burstOverTls() throws IOException {
        try (JsonClient secure = JsonClient.over(TlsSockets.connect(trusted, tlsPort(server)));
             JsonClient sender = server.loggedIn("tls.sender")) {
            secure.registerAndLogin("tls.reader");
            sender.awaitPresence("tls.reader", "online");
            String body = "x".repeat(3000);
            int n = 60;
            for (int i = 0; i < n; i++) sender.send(JsonClient.op("say", "text", i + ":" + body));
            for (int i = 0; i < n; i++) {
                String expected = i + ":" + body;
                JsonNode m = secure.await(f -> isMessage(f), "message " + i);
                assertEquals(expected, m.path("text").asText(), "message " + i + " whole and in order");
            }
        }
    }

    @Test
    @DisplayName("the text protocol works over TLS, and /quit's goodbye arrives before the close")
    void textOverTls() throws IOException {
        try (TextClient human = TextClient.over(TlsSockets.connect(trusted, tlsPort(server)))) {
            human.send("/register tls.text 123456 Tess");
            human.awaitContaining("registered tls.text");
            human.send("/login tls.text 123456");
            human.awaitContaining("welcome, Tess (tls.text)");
            human.send("/quit");
            human.awaitContaining("logged out");
            assertTrue(human.awaitClosed());
        }
    }

    @Test
    @DisplayName("the original client's length-prefixed frames work over TLS too (first-byte detection behind the handshake)")
    void seedOverTls() throws IOException {
        RegisterResMes reply = StockSeedClient.register(TlsSockets.connect(trusted, tlsPort(server)), 4242, "123456", "seedtls");
        assertEquals(RegisterResMes.OK, reply.code(), reply.toString());
    }

    @Test
    @DisplayName("a plain-text client on the TLS port is closed without an answer, and the node serves on")
    void plainClientOnTlsPort() throws IOException {
        try (JsonClient confused = JsonClient.connect(tlsPort(server))) {
            confused.sendLine("{\"op\":\"login\",\"user\":\"x\",\"password\":\"123456\",\"rid\":1}");
            assertTrue(confused.awaitClosed().isEmpty(), "no frame in clear");
            assertTrue(confused.textLines().stream().noneMatch(l -> l.contains("login")), confused.textLines().toString());
        }
        try (JsonClient secure = JsonClient.over(TlsSockets.connect(trusted, tlsPort(server)))) {
            assertTrue(secure.registerAndLogin("tls.after").path("ok").asBoolean());
            awaitConnections(1, "only the TLS client: a failed handshake never takes a connection slot");
        }
    }

    /** Earlier tests' sockets close asynchronously on the server: wait for the count rather than read it once. */
    private static void awaitConnections(int expected, String why) {
        int count = Await.latest(() -> server.server().gateway().connectionCount(), n -> n == expected, Duration.ofSeconds(10));
        assertEquals(expected, count, why);
    }

    @Test
    @DisplayName("a TLS client pointed at the plain port fails its handshake instead of talking in clear")
    void tlsClientOnPlainPort() {
        // The ClientHello reads as text; what comes back is not TLS, so the client stops before sending anything.
        assertThrows(SSLException.class, () -> TlsSockets.connect(trusted, server.port()).close());
    }

    @Test
    @DisplayName("a client that does not trust the node's CA fails the handshake; the node serves on")
    void untrustedClient() throws IOException {
        assertThrows(SSLException.class, () -> TlsSockets.connect(TlsSockets.jvmDefault(), tlsPort(server)).close());
        try (JsonClient secure = JsonClient.over(TlsSockets.connect(trusted, tlsPort(server)))) {
            assertTrue(secure.registerAndLogin("tls.trusting").path("ok").asBoolean());
        }
    }

    @Test
    @DisplayName("replaced certificate files are reloaded on demand: new connections get the new one, open ones stay")
    void reloadOnDemand() throws Exception {
        Rotation files = Rotation.prepare();
        SSLContext both = TlsSockets.trusting(certs.ca(), files.next().ca());
        Map<String, Object> config = new java.util.HashMap<>(tls(files.cert(), files.key()));
        config.put("server.gatewayInstances", 2); // two TLS servers sharing the port: both must serve the new certificate
        try (TestServer node = TestServer.start(config);
             JsonClient before = JsonClient.over(TlsSockets.connect(both, tlsPort(node)))) {
            before.registerAndLogin("rl.before");
            assertFalse(await(node.server().reloadCertificates()), "files unchanged: nothing to do");

            files.rotate();
            assertTrue(await(node.server().reloadCertificates()));
            for (int i = 0; i < 4; i++) {
                try (SSLSocket s = TlsSockets.connect(both, tlsPort(node))) {
                    assertEquals(TlsSockets.serial(files.next().cert()), TlsSockets.peerSerial(s), "connection " + i);
                }
            }

            SSLSocket fresh = TlsSockets.connect(both, tlsPort(node));
            assertEquals(TlsSockets.serial(files.next().cert()), TlsSockets.peerSerial(fresh));
            try (JsonClient after = JsonClient.over(fresh)) {
                after.registerAndLogin("rl.after");
                after.say("new certificate");
                assertEquals("rl.after", before.awaitMessage("new certificate").path("from").asText(),
                        "the connection opened before the reload is still up");
                assertTrue(before.say("still here").path("ok").asBoolean());
            }
        }
    }

    @Test
    @DisplayName("a key that does not match the certificate is refused at reload, naming the key; the current pair stays")
    void badPairRefused() throws Exception {
        Rotation files = Rotation.prepare();
        try (TestServer node = TestServer.start(tls(files.cert(), files.key()))) {
            files.replaceCertificateOnly();
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> node.server().reloadCertificates().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().startsWith("server.tlsKey:"), e.getCause().getMessage());
            try (SSLSocket s = TlsSockets.connect(trusted, tlsPort(node))) {
                assertEquals(TlsSockets.serial(certs.cert()), TlsSockets.peerSerial(s));
            }
        }
    }

    @Test
    @DisplayName("with server.tlsReloadSeconds the files are polled: a rotated certificate is served without a call")
    void reloadByPolling() throws Exception {
        Rotation files = Rotation.prepare();
        Map<String, Object> config = new java.util.HashMap<>(tls(files.cert(), files.key()));
        config.put("server.tlsReloadSeconds", 1);
        SSLContext both = TlsSockets.trusting(certs.ca(), files.next().ca());
        try (TestServer node = TestServer.start(config)) {
            files.rotate();
            BigInteger wanted = TlsSockets.serial(files.next().cert());
            BigInteger seen = Await.latest(() -> {
                try (SSLSocket s = TlsSockets.connect(both, tlsPort(node))) {
                    return TlsSockets.peerSerial(s);
                }
            }, wanted::equals, Duration.ofSeconds(20), Duration.ZERO);
            assertEquals(wanted, seen, "the poll picked up the new files");
        }
    }

    @Test
    @DisplayName("an unreadable certificate file stops startup with a message naming server.tlsCert")
    void unreadableCertificate() throws IOException {
        Path missing = certs.dir().resolve("no-such.pem");
        String why = startFailure(tls(missing, certs.key()));
        assertTrue(why.startsWith("server.tlsCert: cannot read " + missing), why);
    }

    @Test
    @DisplayName("a file that is not a PEM key stops startup with a message naming server.tlsKey")
    void notAKey() throws IOException {
        Path bogus = Files.writeString(Files.createTempFile("parley", ".pem"), "hello", StandardCharsets.US_ASCII);
        String why = startFailure(tls(certs.cert(), bogus));
        assertTrue(why.startsWith("server.tlsKey: "), why);
    }

    @Test
    @DisplayName("a SEC1 EC key (which Vert.x would take, then fail every handshake with) stops startup with the fix")
    void sec1KeyRefused() throws Exception {
        Path sec1 = Files.createTempFile("parley-sec1", ".pem");
        Process p = new ProcessBuilder("openssl", "ec", "-in", certs.key().toString(), "-out", sec1.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        assertTrue(Files.readString(sec1).contains("BEGIN EC PRIVATE KEY"));
        String why = startFailure(tls(certs.cert(), sec1));
        assertTrue(why.startsWith("server.tlsKey: " + sec1 + " is a SEC1 EC key"), why);
        assertTrue(why.contains("openssl pkcs8 -topk8 -nocrypt"), why);
    }

    @Test
    @DisplayName("a TLS port already in use fails startup at once, naming server.tlsPort (it used to hang)")
    void tlsPortInUse() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Map<String, Object> config = new java.util.HashMap<>(tls(certs.cert(), certs.key()));
            config.put("server.tlsPort", taken.getLocalPort());
            String why = startFailure(config);
            assertTrue(why.startsWith("server.tlsPort: TLS port " + taken.getLocalPort() + " is in use"),
                    why);
        }
    }

    @Test
    @DisplayName("ops.tls serves health over HTTPS with the same certificate")
    void opsOverHttps() throws Exception {
        Map<String, Object> config = new java.util.HashMap<>(tls(certs.cert(), certs.key()));
        config.put("ops.tls", true);
        try (TestServer node = TestServer.start(config)) {
            var client = java.net.http.HttpClient.newBuilder().sslContext(trusted).build();
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("https://127.0.0.1:" + node.server().opsPort() + "/health/live")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertNotEquals(-1, node.server().opsPort());
        }
    }

    /** Why a node with these settings refuses to start: the message of its failure. */
    private static String startFailure(Map<String, Object> config) throws IOException {
        Path dataDir = Files.createTempDirectory("parley-test");
        ExecutionException e = assertThrows(ExecutionException.class, () -> ParleyServer.start(TestServer.config(dataDir, config))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
        return e.getCause().getMessage();
    }

    /** Certificate files in a directory of their own, holding the node's pair until rotated to {@code next}. */
    private record Rotation(Path cert, Path key, TestCerts next) {
        static Rotation prepare() throws IOException {
            Path dir = Files.createTempDirectory("parley-tls");
            return new Rotation(copy(certs.cert(), dir.resolve("tls.crt")), copy(certs.key(), dir.resolve("tls.key")),
                    TestCerts.create());
        }

        /** The key first, then the certificate, as a Secret update may land. */
        void rotate() throws IOException {
            copy(next.key(), key);
            copy(next.cert(), cert);
        }

        /** A half-done rotation: the new certificate beside the old key. */
        void replaceCertificateOnly() throws IOException {
            copy(next.cert(), cert);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
