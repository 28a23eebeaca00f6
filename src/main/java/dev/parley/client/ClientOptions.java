package dev.parley.client;

import dev.parley.tls.ClientTls;

import java.util.Arrays;
import java.util.Iterator;

/** Command-line options of {@code parley client}; parsing is pure so every rule is unit-tested. */
record ClientOptions(String host, int port, boolean batch, String user, String password,
                     boolean color, boolean help, ClientTls tls) {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8889;

    /** A bad command line; the message is shown to the user as is. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static ClientOptions parse(String... args) throws UsageException {
        String host = DEFAULT_HOST;
        Integer port = null;
        boolean tls = false;
        boolean insecure = false;
        String ca = null;
        boolean batch = false;
        String user = null;
        String password = null;
        boolean color = true;
        boolean help = false;
        Iterator<String> it = Arrays.asList(args).iterator();
        while (it.hasNext()) {
            String arg = it.next();
            switch (arg) {
                case "--host" -> host = value(arg, it);
                case "--port" -> port = port(value(arg, it));
                case "--batch" -> batch = true;
                case "--user" -> user = value(arg, it);
                case "--password" -> password = value(arg, it);
                case "--no-color" -> color = false;
                case "--tls" -> tls = true;
                case "--insecure" -> insecure = true;
                case "--ca" -> ca = value(arg, it);
                case "--help", "-h" -> help = true;
                default -> throw new UsageException(arg.startsWith("-")
                        ? "unknown option " + arg
                        : "unexpected argument " + arg);
            }
        }
        if (host.isBlank()) {
            throw new UsageException("--host must not be empty");
        }
        if ((user == null) != (password == null)) {
            throw new UsageException("--user and --password must be given together");
        }
        ClientTls secure;
        try {
            secure = ClientTls.of(tls, insecure, ca);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (port == null) port = secure.enabled() ? ClientTls.DEFAULT_PORT : DEFAULT_PORT;
        return new ClientOptions(host, port, batch, user, password, color, help, secure);
    }

    private static String value(String option, Iterator<String> it) throws UsageException {
        if (!it.hasNext()) {
            throw new UsageException(option + " needs a value");
        }
        return it.next();
    }

    private static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the offending text
        }
        throw new UsageException("--port must be a number from 1 to 65535, not '" + text + "'");
    }

    static String usage() {
        return """
                usage: parley client [options]

                Console client for a Parley chat server.

                options:
                  --host H          server host (default 127.0.0.1)
                  --port P          server port (default 8889; 8890 with --tls)
                  --tls             connect with TLS, verifying the server's certificate and host name
                                    against the JVM's trust store
                  --ca FILE         with TLS, trust the CA certificate(s) in this PEM file instead
                                    (e.g. the ca.pem of bin/parley-certs); implies --tls
                  --insecure        with TLS, accept any certificate (testing only: a warning is
                                    printed, as the password could be read in transit); implies --tls
                  --batch           read commands from stdin and print one line per event, for scripts;
                                    chosen automatically when stdin or stdout is not a terminal
                  --user ID         log in as ID right after connecting (needs --password)
                  --password PW     password for --user; note that other local users can see
                                    command lines, so prefer typing it at the prompt
                  --no-color        never colour the output (it is never coloured off a terminal)
                  --help, -h        show this help

                commands (interactive and batch):
                """ + SlashCommands.help() + """

                interactive: numbered menus as well; after login plain text goes to your current room
                (shown in the prompt; the default room until you /join or /room another one).
                batch: plain lines after login go to the current room; output lines are
                  ok login <id> | ok register <id> | ok logout | ok ping
                  ok say <msg-id> | ok msg <to> delivered|stored <msg-id>
                  ok who <count> <id>:<name> ...
                  ok password | ok rename <name> | ok delete_account  (then bye ACCOUNT_DELETED)
                  ok join <room> created|joined | ok part <room> | ok room <room> | ok mode <room>
                  ok kick|ban|unban|invite <room> <id> | ok topic <room> <by>: <topic>
                  ok rooms <total> <room>:<members>:<online> ... [next=<after>]
                  ok members <room> <count> <id>:<name>:online|offline[:op] ...
                  ok history <room> <n> more|all, then n lines: history <msg-id> group <id> <name> <room>: <text>
                  error <op> <CODE>: <message>      failed command; codes made by the client itself:
                                                    USAGE, NOT_LOGGED_IN, TIMEOUT, DISCONNECTED,
                                                    CONNECT_FAILED, CLOSED
                  error frame BAD_JSON: <line>      unreadable line from the server (skipped)
                  message group|private <id> <name>[ <room>]: <text>  (a room message names its room)
                  missed group|private <id> <name>[ <room>]: <text>   delivered from the offline mailbox
                  joined <room> <id> <name> | parted <room> <id> <name>: <reason>
                  kicked <room> <id> <by>: <reason> | topic <room> <by>: <text> | invited <room> <by>
                  presence online|offline <id> <name>
                  notice <CODE>: <message>
                  bye <REASON>: <message>
                  status reconnecting <delay-ms> | status reconnected <id> | status disconnected
                  status relogin-failed <CODE>: <message>
                  # <text>                          help and other information
                  text fields are escaped (\\\\ \\n \\r \\t \\uXXXX); ids and names never contain a space
                  (written \\s); a missing field is -; who lists <id>:<name> pairs
                batch exit code: 0 after a clean logout at end of input or /quit, 1 when login fails,
                the server cannot be reached or the session was lost; 2 for bad options.
                """;
    }
}
