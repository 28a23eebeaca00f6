package dev.parley.bench;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * One simulated IRC user's way in (--proto irc): optional IRCv3 REGISTER, then the chosen login (--irc-auth: none =
 * NICK/USER only, as any IRC server takes; pass = PASS account:password; sasl = SASL PLAIN), the welcome, and an
 * optional JOIN answered by its end of NAMES. Reads lines as text: the handshake is off the hot path.
 */
final class IrcLogin {
    enum Auth { NONE, PASS, SASL }

    private final String user;
    private final String password;
    private final Auth auth;
    private final boolean register;
    /** Joined after the welcome (the fan-out channel), or null. */
    private final String channel;
    private boolean loggedIn;
    private boolean welcomed;
    private boolean motdDone;
    private boolean joining;

    IrcLogin(String user, String password, Auth auth, boolean register, String channel) {
        this.user = user;
        this.password = password;
        this.auth = auth;
        this.register = register && auth != Auth.NONE;
        this.channel = channel;
    }

    /** The first lines. With REGISTER, CAP LS holds the registration until the account exists (and names IRC on a shared port). */
    String opening() {
        if (register) return "CAP LS 302\r\nREGISTER " + user + " * " + password + "\r\n";
        return logIn();
    }

    private String logIn() {
        String nickUser = "NICK " + user + "\r\nUSER " + user + " 0 * :" + user + "\r\n";
        return switch (auth) {
            case NONE -> nickUser;
            case PASS -> "PASS " + user + ":" + password + "\r\n" + nickUser + (register ? "CAP END\r\n" : "");
            case SASL -> "CAP REQ :sasl\r\n" + nickUser + "AUTHENTICATE PLAIN\r\n";
        };
    }

    /** The outcome of one handshake line: keep reading (with something to send, perhaps), done, or failed. */
    record Step(String send, boolean done, String failure) {
        static final Step READ = new Step(null, false, null);

        static Step send(String lines) {
            return new Step(lines, false, null);
        }

        static Step fail(String why) {
            return new Step(null, false, why);
        }
    }

    Step onLine(String line) {
        String body = withoutTags(line);
        if (body.startsWith("PING ")) return Step.send("PONG " + body.substring(5) + "\r\n");
        if (body.startsWith("ERROR ")) return Step.fail("closed by the server: " + body);
        String[] words = body.split(" ", 4);
        String command = words.length > 1 ? words[1] : "";
        if (command.equals("REGISTER") && words.length > 2 && words[2].equals("SUCCESS")) {
            loggedIn = true;
            return Step.send("NICK " + user + "\r\nUSER " + user + " 0 * :" + user + "\r\nCAP END\r\n");
        }
        if (command.equals("FAIL") && words.length > 2 && words[2].equals("REGISTER")) {
            // The users of an earlier run are still there: log in to them.
            return body.contains(" ACCOUNT_EXISTS ") ? Step.send(logIn()) : Step.fail("REGISTER refused: " + body);
        }
        if (command.equals("AUTHENTICATE") || body.startsWith("AUTHENTICATE ")) {
            String payload = "\0" + user + "\0" + password;
            return Step.send("AUTHENTICATE " + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "\r\n");
        }
        return switch (command) {
            case "900" -> {
                loggedIn = true;
                yield ready();
            }
            case "903" -> Step.send("CAP END\r\n");
            case "902", "904", "905", "906", "464", "465", "432", "433" -> Step.fail("refused: " + body);
            case "001" -> {
                welcomed = true;
                yield Step.READ;
            }
            // The welcome burst ends with the MOTD (or 422 for none): later 4xx numerics are the scenario's errors.
            case "376", "422" -> {
                motdDone = welcomed;
                yield ready();
            }
            case "366" -> joining && body.toLowerCase(Locale.ROOT).contains(" " + channel.toLowerCase(Locale.ROOT) + " ")
                    ? new Step(null, true, null) : Step.READ;
            case "403", "405", "451", "471", "473", "474", "475", "477" -> joining ? Step.fail("JOIN refused: " + body) : Step.READ;
            default -> Step.READ;
        };
    }

    /** In once welcomed to the end of the MOTD and logged in (Parley sends 900 before 001 for SASL, after the MOTD for PASS). */
    private Step ready() {
        if (!motdDone || auth != Auth.NONE && !loggedIn || joining) return Step.READ;
        if (channel == null) return new Step(null, true, null);
        joining = true;
        return Step.send("JOIN " + channel + "\r\n");
    }

    static String withoutTags(String line) {
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (l.startsWith("@")) {
            int space = l.indexOf(' ');
            return space < 0 ? "" : l.substring(space + 1);
        }
        return l;
    }

    static Buffer buffer(String lines) {
        return Buffer.buffer(lines.getBytes(StandardCharsets.UTF_8));
    }
}
