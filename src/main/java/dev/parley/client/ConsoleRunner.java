package dev.parley.client;

import dev.parley.protocol.Ops;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

import java.util.Objects;
import java.util.Set;

/** Interactive mode: menus and slash commands on a JLine prompt; incoming lines are printed above it. */
final class ConsoleRunner {

    /** State-changing requests: the next prompt must reflect their outcome, so wait for them. */
    private static final Set<String> AWAITED = Set.of(Ops.LOGIN, Ops.REGISTER, Ops.LOGOUT, Ops.JOIN, Ops.ROOM, Ops.PART);

    private final LineReader reader;
    private final ClientSession session;
    private final Display display;
    private final CommandInterpreter interpreter = new CommandInterpreter(true);

    ConsoleRunner(LineReader reader, ClientSession session, Display display) {
        this.reader = reader;
        this.session = session;
        this.display = display;
    }

    int run(ClientOptions options) {
        display.show("Parley at " + options.host() + ":" + options.port() + "; type /help for commands, Ctrl-D to leave");
        if (options.user() != null) {
            ClientSession.await(session.request(Frames.login(options.user(), options.password())));
        }
        Boolean menuShownFor = null;
        while (true) {
            boolean loggedIn = session.loggedIn();
            if (!interpreter.asking() && !Objects.equals(menuShownFor, loggedIn)) {
                display.show(CommandInterpreter.menu(loggedIn));
                menuShownFor = loggedIn;
            }
            String line;
            try {
                line = read();
            } catch (UserInterruptException e) {
                interpreter.cancel();
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            Action action = interpreter.handle(line, session.loggedIn(), session.room());
            if (action instanceof Action.Quit) {
                break;
            }
            if (action instanceof Action.Send send) {
                Future<JsonObject> reply = session.request(send.request());
                if (AWAITED.contains(Frames.op(send.request()))) {
                    ClientSession.await(reply);
                }
            } else {
                display.local(action, session.loggedIn(), session.missed());
            }
        }
        if (session.loggedIn()) {
            ClientSession.await(session.request(Frames.logout()));
        }
        ClientSession.await(session.close());
        return 0;
    }

    private String read() {
        boolean secret = interpreter.secret();
        // passwords stay out of the history
        reader.setVariable(LineReader.DISABLE_HISTORY, secret);
        return reader.readLine(interpreter.prompt(session.user(), session.room()), secret ? Character.valueOf('*') : null);
    }
}
