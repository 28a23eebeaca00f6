package dev.parley.client;

import dev.parley.protocol.ChatError;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Ops;
import dev.parley.protocol.SlashGrammar;

import java.util.List;
import java.util.Set;

/**
 * Turns input lines into {@link Action}s: slash commands at any time, and in interactive mode the
 * numbered menus with their follow-up questions. Pure: login state is passed in, nothing is sent.
 */
final class CommandInterpreter {

    static final String MENU_LOGGED_OUT = "1 login  2 register  3 exit";
    static final String MENU_LOGGED_IN = "1 who's online  2 message the room  3 private message  4 missed messages  5 logout"
            + "  6 change password  7 rooms  8 join a room  9 switch room";
    /** Requests whose room, when the user leaves it out, is the current room (the server's default room if none). */
    private static final Set<String> CURRENT_ROOM_OPS = Set.of(Ops.SAY, Ops.PART, Ops.MEMBERS, Ops.TOPIC, Ops.HISTORY);

    /** False in batch mode: no numbered menus, numbers are ordinary text. */
    private final boolean menus;
    private Form form;

    CommandInterpreter(boolean menus) {
        this.menus = menus;
    }

    Action handle(String line, boolean loggedIn) {
        return handle(line, loggedIn, null);
    }

    /** @param room the current room, or null for the default room */
    Action handle(String line, boolean loggedIn, String room) {
        return inRoom(interpret(line, loggedIn), room);
    }

    private Action interpret(String line, boolean loggedIn) {
        String trimmed = line.strip();
        boolean command = trimmed.startsWith("/") && !trimmed.startsWith("//");
        if (form != null && !command) {
            return answer(line);
        }
        form = null;
        if (command) {
            return command(trimmed.substring(1), loggedIn);
        }
        if (trimmed.isEmpty()) {
            return new Action.Continue();
        }
        if (menus && trimmed.length() == 1 && Character.isDigit(trimmed.charAt(0))) {
            return menuChoice(trimmed.charAt(0), loggedIn);
        }
        String text = trimmed.startsWith("//") ? line.substring(line.indexOf('/') + 1) : line;
        if (loggedIn) {
            return new Action.Send(Frames.say(text));
        }
        return menus
                ? new Action.Show("choose 1, 2 or 3, or type /help")
                : new Action.Fail(Ops.SAY, ChatError.NOT_LOGGED_IN.name(), "log in first: /login <id> <password>");
    }

    /** Drops a half-answered menu question (Ctrl-C). */
    void cancel() {
        form = null;
    }

    boolean asking() {
        return form != null;
    }

    /**
     * Names the current room in a request that can take one and was given none: the client always says where
     * its text goes, rather than relying on the server's idea of this connection's current room.
     */
    private static Action inRoom(Action action, String room) {
        if (room != null && action instanceof Action.Send send && CURRENT_ROOM_OPS.contains(Frames.op(send.request()))
                && !send.request().containsKey(Fields.ROOM)) {
            return new Action.Send(send.request().copy().put(Fields.ROOM, room));
        }
        return action;
    }

    /** The prompt for the next line: the pending question, else the user's id. */
    String prompt(String user) {
        return prompt(user, null);
    }

    /** The prompt for the next line: the pending question, else the current room (when not the default) and the user's id. */
    String prompt(String user, String room) {
        if (form != null) {
            return form.current().label() + ": ";
        }
        if (user == null) {
            return "parley> ";
        }
        return (room == null ? "" : "[" + room + "] ") + user + "> ";
    }

    /** True when the next answer is a password and must not be echoed or kept in history. */
    boolean secret() {
        return form != null && form.current().kind() == Form.Kind.SECRET;
    }

    static String menu(boolean loggedIn) {
        return loggedIn ? MENU_LOGGED_IN : MENU_LOGGED_OUT;
    }

    private Action answer(String line) {
        if (!form.answer(line)) {
            form = null;
            return new Action.Show("cancelled");
        }
        if (!form.complete()) {
            return new Action.Continue();
        }
        Action send = new Action.Send(form.request());
        form = null;
        return send;
    }

    private Action menuChoice(char choice, boolean loggedIn) {
        if (!loggedIn) {
            return switch (choice) {
                case '1' -> ask(Form.login());
                case '2' -> ask(Form.register());
                case '3' -> new Action.Quit();
                default -> new Action.Show("choose 1, 2 or 3: " + MENU_LOGGED_OUT);
            };
        }
        return switch (choice) {
            case '1' -> new Action.Send(Frames.who());
            case '2' -> ask(Form.say());
            case '3' -> ask(Form.msg());
            case '4' -> new Action.ShowMissed();
            case '5' -> new Action.Send(Frames.logout());
            case '6' -> ask(Form.password());
            case '7' -> new Action.Send(Frames.rooms());
            case '8' -> ask(Form.join());
            case '9' -> ask(Form.room());
            default -> new Action.Send(Frames.say(String.valueOf(choice)));
        };
    }

    private Action ask(Form next) {
        form = next;
        return new Action.Continue();
    }

    private static Action command(String body, boolean loggedIn) {
        String[] verbAndRest = body.split("\\s+", 2);
        String verb = verbAndRest[0].toLowerCase();
        CommandSpec spec = SlashCommands.find(verb);
        if (spec == null) {
            return new Action.Fail(verb.isEmpty() ? "input" : verb, Frames.USAGE, "unknown command /" + verb + "; type /help");
        }
        if (spec.needsLogin() && !loggedIn) {
            return new Action.Fail(spec.verb(), ChatError.NOT_LOGGED_IN.name(), "log in first: /login <id> <password>");
        }
        List<String> args = spec.split().apply((verbAndRest.length > 1 ? verbAndRest[1] : "").strip());
        if (args.size() < spec.minArgs() || (spec.maxArgs() == 0 && !args.isEmpty())) {
            return new Action.Fail(spec.verb(), Frames.USAGE, "usage: " + spec.syntax());
        }
        return spec.handler().apply(args);
    }

    /** Splits on whitespace into at most {@code max} arguments, the last keeping the rest of the line. */
    static List<String> arguments(String rest, int max) {
        return SlashGrammar.arguments(rest.strip(), max);
    }
}
