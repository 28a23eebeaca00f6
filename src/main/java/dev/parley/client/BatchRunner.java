package dev.parley.client;

import dev.parley.protocol.Ops;

import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Batch mode: one command per input line, each sent only after the previous reply, so a script's
 * output is deterministic. A failed login stops the run with exit code 1.
 */
final class BatchRunner {

    private final ClientSession session;
    private final Display display;
    private final CommandInterpreter interpreter = new CommandInterpreter(false);

    BatchRunner(ClientSession session, Display display) {
        this.session = session;
        this.display = display;
    }

    int run(BufferedReader input, ClientOptions options) {
        if (options.user() != null && !send(Frames.login(options.user(), options.password()))) {
            return finish(1);
        }
        String line;
        while ((line = readLine(input)) != null) {
            Action action = interpreter.handle(line, session.loggedIn(), session.room());
            if (action instanceof Action.Quit) {
                break;
            }
            if (action instanceof Action.Send send) {
                boolean ok = send(send.request());
                if (!ok && Frames.op(send.request()).equals(Ops.LOGIN)) {
                    return finish(1);
                }
            } else {
                display.local(action, session.loggedIn(), session.missed());
            }
        }
        return finish(session.lost() ? 1 : 0);
    }

    /** Sends and waits; the reply itself is printed by the session's listener, in wire order. */
    private boolean send(JsonObject request) {
        return Frames.ok(ClientSession.await(session.request(request)));
    }

    /** Every request was awaited, so nothing is outstanding: log out if needed and close. */
    private int finish(int code) {
        int exit = code;
        if (session.loggedIn() && !send(Frames.logout())) {
            exit = 1;
        }
        ClientSession.await(session.close());
        return exit;
    }

    /** A broken stdin ends the script like EOF. */
    private static String readLine(BufferedReader input) {
        try {
            return input.readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
