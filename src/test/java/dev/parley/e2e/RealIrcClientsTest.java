package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real IRC clients against a real node (issue 15): irssi in tmux and weechat-headless, each with a throwaway
 * home under a temporary directory. Each connects to the chat port (IRC detected from its first line), logs in
 * with SASL PLAIN, joins #dev, reads what a JSON user says there, speaks back, and shows the JSON user's QUIT.
 * What the client shows is read from its own log files (irssi autolog, WeeChat's logger), polled with a deadline.
 * Needs the Debian packages {@code irssi} and {@code weechat-headless} ({@code ./test.sh} installs them): without
 * them the tests fail, saying so.
 */
@DisplayName("real IRC clients (needs irssi and weechat-headless: ./test.sh installs them)")
class RealIrcClientsTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final String TMUX_SESSION = "parley-irssi-" + ProcessHandle.current().pid();
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @TempDir
    Path tmp;
    private Process weechat;
    private boolean tmuxStarted;

    @AfterEach
    void stopClients() throws Exception {
        if (tmuxStarted) run("tmux", "kill-session", "-t", TMUX_SESSION);
        if (weechat != null) stop(weechat);
    }

    /** Ends a client process and whatever it started, forcibly if it does not stop within 5 s. */
    static void stop(Process client) throws InterruptedException {
        client.descendants().forEach(ProcessHandle::destroyForcibly);
        client.destroy();
        if (!client.waitFor(5, TimeUnit.SECONDS)) client.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("irssi (tmux): SASL PLAIN, autojoin #dev, a JSON user's message shown, its reply received, the QUIT shown")
    void irssi() throws Exception {
        requireInstalled("irssi", "--version");
        requireInstalled("tmux", "-V");
        server.register("ri.ann");
        Path home = Files.createDirectories(tmp.resolve("irssi"));
        Path logs = tmp.resolve("logs");
        // Settings in the config file: typed commands would expand autolog_path's $tag and $0 at once.
        Files.writeString(home.resolve("config"), """
                settings = {
                  core = { real_name = "Ann"; user_name = "ri.ann"; nick = "ri.ann"; };
                  "fe-common/core" = { autolog = "yes"; autolog_path = "%s/$tag/$0.log"; };
                };
                """.formatted(logs));
        // The commands docs/irc.md gives for irssi (SASL PLAIN), run at startup; -auto connects once it is done.
        Files.writeString(home.resolve("startup"), """
                /network add -sasl_mechanism PLAIN -sasl_username ri.ann -sasl_password 123456 Parley
                /server add -auto -network Parley 127.0.0.1 %d
                /channel add -auto #dev Parley
                """.formatted(server.port()));
        // HOME too, so nothing outside the temporary directory is read or written.
        String cmd = "env HOME=" + tmp + " irssi --home=" + home;
        assertEquals(0, run("tmux", "new-session", "-d", "-s", TMUX_SESSION, "-x", "200", "-y", "50", cmd));
        tmuxStarted = true;
        Path dev = logs.resolve("Parley").resolve("#dev.log");

        awaitLog(dev, "ri.ann [ri.ann@parley] has joined #dev");
        try (JsonClient bob = server.loggedIn("ri.bob")) {
            assertTrue(bob.request(op("join", "room", "#dev")).path("ok").asBoolean());
            awaitLog(dev, "ri.bob [ri.bob@parley] has joined #dev");
            bob.request(op("say", "room", "#dev", "text", "hello from json"));
            awaitLog(dev, "ri.bob> hello from json");

            assertEquals(0, run("tmux", "send-keys", "-t", TMUX_SESSION, "-l", "/msg #dev hello from irssi"));
            assertEquals(0, run("tmux", "send-keys", "-t", TMUX_SESSION, "Enter"));
            JsonNode got = bob.awaitMessage("hello from irssi");
            assertEquals("ri.ann", got.path("from").asText());
            assertEquals("#dev", got.path("room").asText());
        }
        awaitLog(dev, "ri.bob [ri.bob@parley] has quit [Quit: offline]");
    }

    @Test
    @DisplayName("WeeChat (headless): SASL PLAIN, autojoin #dev, a JSON user's message shown, its reply received, the QUIT shown")
    void weechat() throws Exception {
        requireInstalled("weechat-headless", "--version");
        server.register("rw.ann");
        Path dir = Files.createDirectories(tmp.resolve("weechat"));
        Path fifo = dir.resolve("fifo");
        // The logger writes each line at once (flush_delay 0); the FIFO plugin takes the text to send.
        String commands = String.join(";",
                "/set logger.file.flush_delay 0",
                "/set fifo.file.path " + fifo,
                "/server add parley 127.0.0.1/" + server.port() + " -notls -sasl_mechanism=plain"
                        + " -sasl_username=rw.ann -sasl_password=123456 -nicks=rw.ann -autojoin=#dev",
                "/connect parley");
        weechat = new ProcessBuilder("weechat-headless", "--dir", dir.toString(), "-r", commands)
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("weechat.out").toFile())
                .start();
        Path dev = dir.resolve("logs").resolve("irc.parley.#dev.weechatlog");

        awaitLog(dev, "(rw.ann@parley) has joined #dev");
        try (JsonClient bob = server.loggedIn("rw.bob")) {
            assertTrue(bob.request(op("join", "room", "#dev")).path("ok").asBoolean());
            awaitLog(dev, "(rw.bob@parley) has joined #dev");
            bob.request(op("say", "room", "#dev", "text", "hello from json"));
            awaitLog(dev, "rw.bob\thello from json");

            Await.until(() -> Files.exists(fifo), WAIT, "WeeChat's FIFO " + fifo);
            // Opening a FIFO blocks until its reader has it open: bounded, in case WeeChat died.
            CompletableFuture.runAsync(() -> {
                try {
                    Files.writeString(fifo, "irc.parley.#dev *hello from weechat\n");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            JsonNode got = bob.awaitMessage("hello from weechat");
            assertEquals("rw.ann", got.path("from").asText());
            assertEquals("#dev", got.path("room").asText());
        }
        awaitLog(dev, "rw.bob (rw.bob@parley) has quit (Quit: offline)");
        // Back online, still a member: the client is shown a JOIN (presence), so it lists bob again and shows his QUIT.
        try (JsonClient bob = server.json()) {
            bob.login("rw.bob", "123456");
            awaitLog(dev, "(rw.bob@parley) has joined #dev", 2);
        }
        awaitLog(dev, "rw.bob (rw.bob@parley) has quit (Quit: offline)", 2);
    }

    static void awaitLog(Path log, String fragment) {
        awaitLog(log, fragment, 1);
    }

    /** Waits until the client's log shows {@code fragment} at least {@code times} times. */
    private static void awaitLog(Path log, String fragment, int times) {
        String seen = Await.latest(() -> Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "",
                s -> occurrences(s, fragment) >= times, WAIT, Duration.ofMillis(50));
        if (occurrences(seen, fragment) < times) {
            throw new AssertionError(log + " never showed \"" + fragment + "\" " + times + " times:\n" + seen);
        }
    }

    private static int occurrences(String text, String fragment) {
        int n = 0;
        for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + fragment.length())) n++;
        return n;
    }

    static void requireInstalled(String program, String versionFlag) {
        boolean ok;
        try {
            ok = run(program, versionFlag) == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        assertTrue(ok, program + " is not installed: ./test.sh installs it (Debian: apt-get install " + program + ")");
    }

    static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
