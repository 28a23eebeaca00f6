package dev.parley.cli;

import dev.parley.e2e.JsonClient;
import dev.parley.testkit.Await;
import dev.parley.testkit.TestCerts;
import dev.parley.testkit.TlsSockets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `parley server` with TLS and `parley client --tls`, each in its own JVM, as operators and users run them. */
@Timeout(180)
class TlsCliTest {

    @Test
    @DisplayName("client --tls --ca logs in and chats over TLS; without the CA it cannot connect; SIGHUP reloads the certificate, on the IRC TLS port too")
    void clientOverTlsAndReloadOnHangup() throws Exception {
        TestCerts certs = TestCerts.create();
        TestCerts next = TestCerts.create();
        Path dir = Files.createTempDirectory("parley-tls-cli");
        Path cert = Files.copy(certs.cert(), dir.resolve("tls.crt"));
        Path key = Files.copy(certs.key(), dir.resolve("tls.key"));
        int ircTlsPort = dev.parley.testkit.FreePorts.pick();
        try (ServerProcess server = ServerProcess.start(Map.of("PARLEY_AUTH_PBKDF2_ITERATIONS", "1000", "PARLEY_OPS_PORT", "0",
                        "PARLEY_SERVER_TLS_PORT", "0", "PARLEY_SERVER_TLS_CERT", cert.toString(), "PARLEY_SERVER_TLS_KEY", key.toString(),
                        "PARLEY_SERVER_TLS_RELOAD_SECONDS", "0", "PARLEY_IRC_TLS_PORT", Integer.toString(ircTlsPort)),
                "server", "--port", "0", "--data-dir", dir.resolve("data").toString())) {
            int port = server.awaitPort();
            int tlsPort = server.tlsPort();
            assertTrue(tlsPort > 0, "the listening line names the TLS port: " + server.output());
            assertTrue(server.output().contains(", irc-tls 0.0.0.0:" + ircTlsPort + ","), "and the IRC TLS port: " + server.output());
            String tls = Integer.toString(tlsPort);

            try (JsonClient bob = JsonClient.connect(port);
                 ClientProcess c = ClientProcess.start("--tls", "--ca", certs.ca().toString(), "--port", tls, "--batch")) {
                bob.registerAndLogin("cbob");
                c.registerAndLogin("cscott", "Scott");
                c.send("hello over tls");
                assertEquals("cscott", bob.awaitMessage("hello over tls").path("from").asText());
                bob.say("hi back");
                assertEquals("message group cbob cbob #lobby: hi back", c.await("message group"), "a room message names its room");
                c.closeInput();
                assertEquals(0, c.awaitExit(), c.output().toString());
            }

            try (ClientProcess untrusting = ClientProcess.start("--tls", "--port", tls, "--batch")) {
                untrusting.closeInput();
                assertEquals(1, untrusting.awaitExit(), "the JVM trust store does not know the private CA");
                assertTrue(String.join("\n", untrusting.output()).contains("cannot connect"), untrusting.output().toString());
            }

            try (ClientProcess insecure = ClientProcess.start("--insecure", "--port", tls, "--batch")) {
                insecure.send("/login cscott 123456");
                assertEquals("ok login cscott", insecure.await("ok login"));
                assertTrue(String.join("\n", insecure.output()).contains("warning: --insecure"), insecure.output().toString());
                insecure.closeInput();
                assertEquals(0, insecure.awaitExit());
            }

            Files.copy(next.key(), key, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(next.cert(), cert, StandardCopyOption.REPLACE_EXISTING);
            server.signal("HUP");
            assertEquals(TlsSockets.serial(next.cert()), awaitServedSerial(tlsPort, TlsSockets.serial(next.cert()),
                    TlsSockets.trusting(certs.ca(), next.ca())), "after SIGHUP new connections get the new certificate; server said:\n"
                    + server.output());
            assertEquals(TlsSockets.serial(next.cert()), awaitServedSerial(ircTlsPort, TlsSockets.serial(next.cert()),
                    TlsSockets.trusting(certs.ca(), next.ca())), "the IRC TLS port serves the same certificate, reloaded with it");
        }
    }

    @Test
    @DisplayName("a certificate without a key stops the server with a message naming server.tlsKey")
    void certificateWithoutKey() throws Exception {
        TestCerts certs = TestCerts.create();
        try (ServerProcess p = ServerProcess.start(Map.of("PARLEY_SERVER_TLS_CERT", certs.cert().toString()), "server", "--port", "0")) {
            assertEquals(2, p.awaitExit());
            assertTrue(p.output().contains("invalid configuration: server.tlsKey: server.tlsCert is set"), p.output());
        }
    }

    @Test
    @DisplayName("an unreadable key file stops the server with a message naming server.tlsKey and the file")
    void unreadableKey() throws Exception {
        TestCerts certs = TestCerts.create();
        Path missing = certs.dir().resolve("missing-key.pem");
        try (ServerProcess p = ServerProcess.start(Map.of("PARLEY_SERVER_TLS_CERT", certs.cert().toString(),
                "PARLEY_SERVER_TLS_KEY", missing.toString(), "PARLEY_OPS_PORT", "0"), "server", "--port", "0",
                "--data-dir", Files.createTempDirectory("parley-tls-cli").toString())) {
            assertEquals(1, p.awaitExit());
            assertTrue(p.output().contains("cannot start: server.tlsKey: cannot read " + missing), p.output());
        }
    }

    /** Connects until the server presents {@code wanted} (signals are handled asynchronously), at most 20 s. */
    private static BigInteger awaitServedSerial(int port, BigInteger wanted, SSLContext trust) throws Exception {
        return Await.latest(() -> {
            try (SSLSocket s = TlsSockets.connect(trust, port)) {
                return TlsSockets.peerSerial(s);
            }
        }, wanted::equals, Duration.ofSeconds(20), Duration.ZERO);
    }
}
