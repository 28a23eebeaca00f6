package dev.parley.cli;

import dev.parley.e2e.JsonClient;
import dev.parley.e2e.TestServer;
import dev.parley.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interactive client in a real terminal (tmux), as a person uses it: what the screen shows. */
class ClientInteractiveTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    static final String SESSION = "parley-it-" + ProcessHandle.current().pid();

    @AfterAll
    static void killSession() throws Exception {
        tmux("kill-session", "-t", SESSION);
    }

    @Test
    @DisplayName("log in through the menu, receive messages while typing without garbling the typed line, then send it")
    void menuLoginAndLiveMessages() throws Exception {
        try (JsonClient reg = server.json()) {
            reg.registerIfNeeded("100", "123456");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = java + " -Xmx128m -cp " + System.getProperty("java.class.path") + " dev.parley.Main client --port " + server.port();
        assertEquals(0, tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", cmd), "tmux must be installed (test.sh does it)");

        awaitScreen(s -> s.contains("1 login  2 register  3 exit"), "the first menu");
        keys("1", "Enter");
        awaitScreen(s -> s.contains("id:"), "the id question");
        keys("100", "Enter");
        awaitScreen(s -> s.contains("password:"), "the password question");
        keys("123456", "Enter");
        String screen = awaitScreen(s -> s.contains("4 missed messages"), "the logged-in menu");
        assertTrue(!screen.contains("123456"), "the password is never shown");

        try (JsonClient bob = server.loggedIn("200")) {
            keys("-l", "half-typed line");
            awaitScreen(s -> s.contains("half-typed line"), "the typed text");
            bob.say("hello from bob");
            bob.msg("100", "a secret");
            screen = awaitScreen(s -> s.contains("hello from bob") && s.contains("a secret"), "both messages");
            List<String> rows = rows(screen);
            String last = rows.get(rows.size() - 1);
            assertTrue(last.endsWith("half-typed line"), "the typed line stays whole, at the bottom: " + last);
            assertTrue(rows.stream().anyMatch(r -> r.contains("[private]") && r.contains("a secret")), screen);

            keys("Enter");
            assertEquals("100", bob.awaitMessage("half-typed line").path("from").asText());
        }
    }

    private static List<String> rows(String screen) {
        List<String> out = new ArrayList<>();
        for (String r : screen.split("\n")) {
            if (!r.isBlank()) out.add(r.stripTrailing());
        }
        return out;
    }

    private static void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(keys));
        assertEquals(0, tmux(args.toArray(String[]::new)));
    }

    private static String awaitScreen(Predicate<String> ok, String what) throws Exception {
        String screen = Await.latest(() -> {
            Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", SESSION).redirectErrorStream(true).start();
            String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return shown;
        }, ok, Duration.ofSeconds(20), Duration.ofMillis(50));
        if (ok.test(screen)) return screen;
        throw new AssertionError("screen never showed " + what + ":\n" + screen);
    }

    private static int tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
