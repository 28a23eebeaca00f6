package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.Await;
import dev.parley.testkit.FreePorts;
import dev.parley.testkit.TestCerts;
import dev.parley.testkit.TlsSockets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IRC over TLS (irc.tlsPort, 6697 in deployments): the chat port's certificate, every connection IRC. */
@Timeout(120)
class IrcTlsTest {
    static final TestCerts certs = TestCerts.create();
    static final int IRC_TLS_PORT = FreePorts.pick();
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("server.tlsPort", 0,
            "server.tlsCert", certs.cert().toString(), "server.tlsKey", certs.key().toString(),
            "server.tlsReloadSeconds", 0, "irc.tlsPort", IRC_TLS_PORT));
    static final SSLContext trusted = TlsSockets.trusting(certs.ca());

    @TempDir
    Path tmp;
    private Process weechat;

    @AfterEach
    void stopWeechat() throws InterruptedException {
        if (weechat != null) RealIrcClientsTest.stop(weechat);
    }

    @Test
    @DisplayName("over TLS an IRC client logs in with SASL PLAIN and shares a channel with a plain IRC user, both ways")
    void saslOverTls() throws IOException {
        server.register("it.ann");
        SSLSocket socket = TlsSockets.connect(trusted, IRC_TLS_PORT);
        assertEquals(TlsSockets.serial(certs.cert()), TlsSockets.peerSerial(socket), "the chat port's certificate");
        try (TextClient ann = TextClient.over(socket); TextClient bob = loggedInInClear("it.bob")) {
            ann.send("CAP LS 302");
            assertTrue(ann.awaitContaining("CAP * LS").contains("sasl=PLAIN"));
            ann.send("CAP REQ :sasl");
            ann.awaitContaining("CAP * ACK");
            ann.send("NICK it.ann");
            ann.send("USER it.ann 0 * :Ann");
            ann.send("AUTHENTICATE PLAIN");
            ann.awaitContaining("AUTHENTICATE +");
            ann.send("AUTHENTICATE " + Base64.getEncoder().encodeToString("\u0000it.ann\u0000123456".getBytes(StandardCharsets.UTF_8)));
            IrcTest.numeric(ann, "903");
            ann.send("CAP END");
            IrcTest.numeric(ann, "001");

            ann.send("JOIN #tlsdev");
            ann.awaitContaining(":it.ann!it.ann@parley JOIN #tlsdev");
            bob.send("JOIN #tlsdev");
            ann.awaitContaining(":it.bob!it.bob@parley JOIN #tlsdev");
            ann.send("PRIVMSG #tlsdev :hello from tls");
            bob.awaitContaining(":it.ann!it.ann@parley PRIVMSG #tlsdev :hello from tls");
            bob.send("PRIVMSG it.ann :hello in clear");
            ann.awaitContaining(":it.bob!it.bob@parley PRIVMSG it.ann :hello in clear");
        }
    }

    @Test
    @DisplayName("the IRC TLS port speaks IRC whatever the first line: a JSON line is 421, and a plain client gets nothing")
    void onlyIrcOnlyTls() throws IOException {
        try (TextClient c = TextClient.over(TlsSockets.connect(trusted, IRC_TLS_PORT))) {
            c.send("{\"op\":\"login\"}");
            IrcTest.numeric(c, "421");
        }
        try (TextClient confused = TextClient.over(new Socket("127.0.0.1", IRC_TLS_PORT))) {
            confused.send("NICK plain");
            assertTrue(confused.awaitClosed(), "a clear-text client is closed by the handshake");
            assertTrue(confused.log().stream().noneMatch(l -> l.contains(" 0")), "no numeric in clear: " + confused.log());
        }
    }

    @Test
    @DisplayName("WeeChat (headless) over TLS, verifying the certificate with our CA: SASL PLAIN, a JSON user's line shown, its reply received")
    void weechatOverTls() throws Exception {
        RealIrcClientsTest.requireInstalled("weechat-headless", "--version");
        server.register("iw.ann");
        Path dir = Files.createDirectories(tmp.resolve("weechat"));
        Path fifo = dir.resolve("fifo");
        // docs/irc.md's WeeChat commands: -ssl in WeeChat 3.x (renamed -tls in 4.0, where it is the default);
        // WeeChat checks the certificate against the CA file (tls_verify/ssl_verify is on by default).
        String commands = String.join(";",
                "/set logger.file.flush_delay 0",
                "/set fifo.file.path " + fifo,
                "/set weechat.network.gnutls_ca_user " + certs.ca(),
                "/server add parley 127.0.0.1/" + IRC_TLS_PORT + " -ssl -sasl_mechanism=plain"
                        + " -sasl_username=iw.ann -sasl_password=123456 -nicks=iw.ann -autojoin=#tlsweechat",
                "/connect parley");
        weechat = new ProcessBuilder("weechat-headless", "--dir", dir.toString(), "-r", commands)
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("weechat.out").toFile())
                .start();
        Path channel = dir.resolve("logs").resolve("irc.parley.#tlsweechat.weechatlog");

        Path serverLog = dir.resolve("logs").resolve("irc.server.parley.weechatlog");
        try {
            RealIrcClientsTest.awaitLog(channel, "(iw.ann@parley) has joined #tlsweechat");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nWeeChat's server buffer:\n"
                    + (Files.exists(serverLog) ? Files.readString(serverLog) : "(none)"), e);
        }
        try (JsonClient bob = server.loggedIn("iw.bob")) {
            assertTrue(bob.request(op("join", "room", "#tlsweechat")).path("ok").asBoolean());
            bob.request(op("say", "room", "#tlsweechat", "text", "hello weechat"));
            RealIrcClientsTest.awaitLog(channel, "iw.bob\thello weechat");
            Await.until(() -> Files.exists(fifo), RealIrcClientsTest.WAIT, "WeeChat's FIFO " + fifo);
            CompletableFuture.runAsync(() -> {
                try {
                    Files.writeString(fifo, "irc.parley.#tlsweechat *hello over tls\n");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).get(RealIrcClientsTest.WAIT.toSeconds(), TimeUnit.SECONDS);
            JsonNode got = bob.awaitMessage("hello over tls");
            assertEquals("iw.ann", got.path("from").asText());
        }
        String shown = Files.readString(serverLog);
        assertTrue(shown.contains("gnutls: peer's certificate is trusted"), "WeeChat verified the certificate:\n" + shown);
    }

    /** An IRC user on the plain chat port, logged in with PASS. */
    private static TextClient loggedInInClear(String user) {
        server.register(user);
        TextClient c = server.text();
        c.send("PASS " + user + ":123456");
        c.send("NICK " + user);
        c.send("USER " + user + " 0 * :" + user);
        IrcTest.numeric(c, "001");
        return c;
    }
}
