package dev.parley.client;

import dev.parley.tls.ClientTls;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientOptionsTest {

    @Test
    @DisplayName("no arguments give the defaults")
    void defaults() throws Exception {
        assertEquals(new ClientOptions("127.0.0.1", 8889, false, null, null, true, false, ClientTls.OFF), ClientOptions.parse());
    }

    @Test
    @DisplayName("every option is read")
    void allOptions() throws Exception {
        ClientOptions options = ClientOptions.parse("--host", "chat.example", "--port", "9000", "--batch",
                "--user", "100", "--password", "123456", "--no-color");
        assertEquals(new ClientOptions("chat.example", 9000, true, "100", "123456", false, false, ClientTls.OFF), options);
    }

    @Test
    @DisplayName("--help and -h ask for help")
    void help() throws Exception {
        assertTrue(ClientOptions.parse("--help").help());
        assertTrue(ClientOptions.parse("-h").help());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "abc", ""})
    @DisplayName("a port outside 1..65535 is refused with the offending text")
    void badPort(String port) {
        ClientOptions.UsageException e = assertThrows(ClientOptions.UsageException.class, () -> ClientOptions.parse("--port", port));
        assertTrue(e.getMessage().contains("'" + port + "'"), e.getMessage());
    }

    @Test
    @DisplayName("an option without its value is refused")
    void missingValue() {
        assertEquals("--host needs a value",
                assertThrows(ClientOptions.UsageException.class, () -> ClientOptions.parse("--host")).getMessage());
    }

    @Test
    @DisplayName("unknown options and stray arguments are refused")
    void unknown() {
        assertEquals("unknown option --colour",
                assertThrows(ClientOptions.UsageException.class, () -> ClientOptions.parse("--colour")).getMessage());
        assertEquals("unexpected argument localhost",
                assertThrows(ClientOptions.UsageException.class, () -> ClientOptions.parse("localhost")).getMessage());
    }

    @Test
    @DisplayName("--user and --password only together")
    void userNeedsPassword() {
        assertThrows(ClientOptions.UsageException.class, () -> ClientOptions.parse("--user", "100"));
        assertThrows(ClientOptions.UsageException.class, () -> ClientOptions.parse("--password", "x"));
    }

    @Test
    @DisplayName("the help documents every option and every slash command")
    void usageIsComplete() {
        String usage = ClientOptions.usage();
        for (String word : List.of("--host", "--port", "--batch", "--user", "--password", "--no-color", "--help",
                "--tls", "--ca", "--insecure",
                "/login", "/register", "/who", "/say", "/msg", "/missed", "/ping", "/logout", "/menu", "/help", "/quit")) {
            assertTrue(usage.contains(word), word);
        }
        assertFalse(usage.contains("%n"));
    }

    @Test
    @DisplayName("--tls defaults to port 8890 and the JVM trust store; --ca and --insecure imply it")
    void tls() throws Exception {
        ClientOptions tls = ClientOptions.parse("--tls");
        assertEquals(8890, tls.port());
        assertEquals(new ClientTls(true, false, null), tls.tls());
        assertEquals(9000, ClientOptions.parse("--tls", "--port", "9000").port());
        assertEquals(new ClientTls(true, false, "ca.pem"), ClientOptions.parse("--ca", "ca.pem").tls());
        assertEquals(new ClientTls(true, true, null), ClientOptions.parse("--insecure").tls());
        assertEquals("--insecure and --ca contradict each other; give one", assertThrows(ClientOptions.UsageException.class,
                () -> ClientOptions.parse("--insecure", "--ca", "ca.pem")).getMessage());
    }
}
