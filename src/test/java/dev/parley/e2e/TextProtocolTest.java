package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static dev.parley.e2e.Replies.isMessage;
import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextProtocolTest {
    private static final Pattern LIVE = Pattern.compile("^\\[\\d{2}:\\d{2}] .*");
    private static final Pattern PRESENCE = Pattern.compile("^\\[\\d{2}:\\d{2}] \\* .* (is online|went offline)$");
    private static final Pattern OFFLINE = Pattern.compile("^\\[offline \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}] .*");
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** A text client registered and logged in as {@code user} (name {@code name}), its catch-up done. */
    private static TextClient human(String user, String name) {
        TextClient c = server.text();
        c.send("/register " + user + " 123456 " + name);
        c.await(l -> l.contains("registered " + user) || l.contains("USER_EXISTS"), "registration of " + user);
        c.send("/login " + user + " 123456");
        c.awaitContaining("welcome, " + name + " (" + user + ")");
        // A private message to oneself is held until the login's catch-up is over.
        c.send("/msg " + user + " catch-up barrier");
        c.awaitContaining("catch-up barrier");
        c.awaitContaining("* sent to " + user);
        return c;
    }

    /**
     * Sends {@code line}, waits for the line that answers it, then sends /ping and returns every line
     * that arrived between sending and the pong: the answer and anything else it produced. Presence
     * announcements are left out: other tests share this server, and presence is sent in batches, so a user
     * of an earlier test may be announced offline in between (a CI run failed on exactly that).
     */
    private static List<String> answerTo(TextClient c, String line, Predicate<String> answer) {
        int before = c.log().size();
        c.send(line);
        c.await(answer, "the answer to " + line);
        c.send("/ping");
        String pong = c.awaitContaining("* pong");
        List<String> all = c.log();
        int end = before;
        while (all.get(end) != pong) end++;
        return all.subList(before, end).stream().filter(l -> !PRESENCE.matcher(l).matches()).toList();
    }

    private static List<String> errorFor(TextClient c, String line) {
        return answerTo(c, line, l -> l.startsWith("!"));
    }

    @Test
    @DisplayName("a person whose first line is no command is welcomed, before its answer, and told about /help; once")
    void greeting() {
        try (TextClient c = server.text()) {
            c.send("hello?");
            String line = c.awaitContaining("/help");
            assertTrue(line.startsWith("* Welcome"), line);
            c.awaitContaining("NOT_LOGGED_IN");
            c.send("");
            c.send("/ping");
            c.awaitContaining("pong");
            assertEquals(1, c.log().stream().filter(l -> l.startsWith("* Welcome")).count(), c.log().toString());
        }
    }

    @Test
    @DisplayName("whoever starts with a command knows the way: no welcome")
    void noGreetingForCommands() {
        try (TextClient c = server.text()) {
            c.send("/ping");
            c.awaitContaining("pong");
            c.send("hello?");
            c.awaitContaining("NOT_LOGGED_IN");
            assertTrue(c.log().stream().noneMatch(l -> l.startsWith("* Welcome")), c.log().toString());
        }
    }

    @Test
    @DisplayName("/help lists every command")
    void help() {
        try (TextClient c = server.text()) {
            List<String> lines = answerTo(c, "/help", l -> l.contains("/quit"));
            String all = String.join("\n", lines);
            for (String command : List.of("/register", "/login", "/who", "/msg", "/quit", "/ping")) {
                assertTrue(all.contains(command), command + " missing from\n" + all);
            }
            lines.forEach(l -> assertTrue(l.startsWith("*"), l));
        }
    }

    @Test
    @DisplayName("every error is exactly one line starting with '!' and naming the code")
    void errorsAreOneLine() {
        try (TextClient c = server.text()) {
            assertEquals(List.of("NOT_LOGGED_IN"), codes(errorFor(c, "/who")));
            assertEquals(List.of("NOT_LOGGED_IN"), codes(errorFor(c, "hello before login")));
            assertEquals(List.of("UNKNOWN_OP"), codes(errorFor(c, "/frobnicate now")));
            assertEquals(List.of("INVALID_USER"), codes(errorFor(c, "/register bad/id 123456")));
            assertEquals(List.of("INVALID_PASSWORD"), codes(errorFor(c, "/register tx.short 12345")));
            assertEquals(List.of("BAD_CREDENTIALS"), codes(errorFor(c, "/login tx.nobody 123456")));
            c.send("/register tx.err 123456");
            c.awaitContaining("registered tx.err");
            c.send("/login tx.err 123456");
            c.awaitContaining("welcome");
            assertEquals(List.of("ALREADY_LOGGED_IN"), codes(errorFor(c, "/login tx.err 123456")));
            assertEquals(List.of("BAD_REQUEST"), codes(errorFor(c, "/msg")));
            assertEquals(List.of("NO_SUCH_USER"), codes(errorFor(c, "/msg tx.nobody hi")));
            assertEquals(List.of("TEXT_TOO_LONG"), codes(errorFor(c, "x".repeat(4001))));
        }
    }

    /** The error codes of the given lines; fails unless every line is an error line. */
    private static List<String> codes(List<String> lines) {
        return lines.stream().map(l -> {
            assertTrue(l.startsWith("! "), "an error line: " + lines);
            return l.substring(2).split(":")[0];
        }).toList();
    }

    @Test
    @DisplayName("group lines show time and who; private ones are marked [private]; presence is announced")
    void liveLines() {
        try (TextClient alice = human("tx.alice", "Alice"); TextClient bob = human("tx.bob", "Bob")) {
            alice.awaitContaining("Bob (tx.bob) is online");

            bob.send("hello everyone");
            String group = alice.awaitContaining("hello everyone");
            assertTrue(LIVE.matcher(group).matches(), group);
            assertTrue(group.endsWith("Bob (tx.bob): hello everyone"), group);
            assertFalse(group.contains("[private]"), group);

            List<String> sent = answerTo(bob, "/msg tx.alice just for you", l -> l.contains("sent to tx.alice"));
            assertEquals(List.of("* sent to tx.alice"), sent);
            String priv = alice.awaitContaining("just for you");
            assertTrue(LIVE.matcher(priv).matches(), priv);
            assertTrue(priv.contains("[private] Bob (tx.bob): just for you"), priv);

            String who = answerTo(alice, "/who", l -> l.contains(" online: ")).get(0);
            assertTrue(who.startsWith("* ") && who.contains("Alice (tx.alice)") && who.contains("Bob (tx.bob)"), who);

            bob.send("/quit");
            assertTrue(bob.awaitClosed());
            assertTrue(alice.awaitContaining("Bob (tx.bob) went offline").startsWith("["));
        }
    }

    @Test
    @DisplayName("messages kept while away are marked [offline date time], private ones also [private]")
    void offlineLines() {
        try (TextClient carol = human("tx.carol", "Carol")) {
            carol.send("/quit");
            assertTrue(carol.awaitClosed());
        }
        try (TextClient dan = human("tx.dan", "Dan"); JsonClient witness = server.loggedIn("tx.witness")) {
            witness.awaitCatchUp("tx.witness");
            dan.awaitContaining("tx.witness is online"); // so the announcement cannot interleave with the answer
            List<String> stored = answerTo(dan, "/msg tx.carol see you later", l -> l.contains("tx.carol is offline"));
            assertEquals(1, stored.size(), stored.toString());
            assertTrue(stored.get(0).contains("tx.carol is offline"), stored.toString());
            dan.send("while carol is away");
            witness.awaitMessage("while carol is away");
        }
        try (TextClient carol = server.text()) {
            carol.send("/login tx.carol 123456");
            String priv = carol.awaitContaining("see you later");
            assertTrue(OFFLINE.matcher(priv).matches(), priv);
            assertTrue(priv.contains("[private] Dan (tx.dan): see you later"), priv);
            String group = carol.awaitContaining("while carol is away");
            assertTrue(OFFLINE.matcher(group).matches(), group);
            assertFalse(group.contains("[private]"), group);
        }
    }

    @Test
    @DisplayName("lines ending in LF and in CRLF both work, and no CR leaks into passwords or texts")
    void lfAndCrlf() {
        try (JsonClient reader = server.loggedIn("tx.reader"); TextClient c = server.text()) {
            c.sendLf("/register tx.lf secret1");
            c.awaitContaining("registered tx.lf");
            c.send("/register tx.crlf secret2");
            c.awaitContaining("registered tx.crlf");
            // Passwords typed with either ending are stored without the CR: a JSON login with the plain password works.
            try (JsonClient j = server.json()) {
                j.login("tx.crlf", "secret2");
            }
            c.sendLf("/login tx.lf secret1");
            c.awaitContaining("welcome, tx.lf");
            reader.awaitPresence("tx.lf", "online");

            c.sendLf("ends with lf");
            c.send("ends with crlf");
            c.sendRaw("mixed one\r\nmixed two\n".getBytes(StandardCharsets.UTF_8));
            for (String text : List.of("ends with lf", "ends with crlf", "mixed one", "mixed two")) {
                JsonNode m = reader.await(f -> isMessage(f) && "tx.lf".equals(f.path("from").asText()),
                        "message from tx.lf");
                assertEquals(text, m.path("text").asText(), "in order and without CR");
            }
            assertTrue(reader.request(op("who")).path("ok").asBoolean());
        }
    }

    @Test
    @DisplayName("/who then /quit in one go: the who answer comes before the goodbye, then the server closes")
    void quitAfterPipelinedCommands() {
        try (TextClient c = human("tx.piper", "Piper")) {
            c.sendRaw("/who\r\n/quit\r\n/who\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            c.awaitContaining("online: ");
            c.awaitContaining("logged out");
            assertTrue(c.awaitClosed());
            assertEquals(1, c.log().stream().filter(l -> l.contains("online: ")).count(), "nothing runs after /quit");
        }
    }
}
