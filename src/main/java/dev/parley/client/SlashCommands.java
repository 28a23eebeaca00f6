package dev.parley.client;

import java.util.LinkedHashMap;
import java.util.Map;

/** The slash-command table, shared by the interactive and batch modes. */
final class SlashCommands {

    private static final Map<String, CommandSpec> TABLE = new LinkedHashMap<>();

    static {
        // /login <id> <password>
        add(new CommandSpec("login", "/login <id> <password>", "log in", false, 2, 2,
                a -> new Action.Send(Frames.login(a.get(0), a.get(1)))));
        // /register <id> <password> [name]
        add(new CommandSpec("register", "/register <id> <password> [name]", "create an account (name defaults to the id)",
                false, 2, 3, a -> new Action.Send(Frames.register(a.get(0), a.get(1), a.size() > 2 ? a.get(2) : a.get(0)))));
        // /who
        add(new CommandSpec("who", "/who", "list who is online", true, 0, 0, a -> new Action.Send(Frames.who())));
        // /say <text>
        add(new CommandSpec("say", "/say <text>", "message everyone (plain text does the same)", true, 1, 1,
                a -> new Action.Send(Frames.say(a.get(0)))));
        // /msg <id> <text>
        add(new CommandSpec("msg", "/msg <id> <text>", "private message", true, 2, 2,
                a -> new Action.Send(Frames.msg(a.get(0), a.get(1)))));
        // /password <old> <new>
        add(new CommandSpec("password", "/password <old> <new>", "change your password", true, 2, 2,
                a -> new Action.Send(Frames.password(a.get(0), a.get(1)))));
        // /name <new name>
        add(new CommandSpec("name", "/name <new name>", "change your display name", true, 1, 1,
                a -> new Action.Send(Frames.rename(a.get(0)))));
        // /delete-account <password>
        add(new CommandSpec("delete-account", "/delete-account <password>", "delete your account and its mail, for good",
                true, 1, 1, a -> new Action.Send(Frames.deleteAccount(a.get(0)))));
        // /missed
        add(new CommandSpec("missed", "/missed", "show messages that waited for you at this login", false, 0, 0,
                a -> new Action.ShowMissed()));
        // /ping
        add(new CommandSpec("ping", "/ping", "check that the server answers", false, 0, 0, a -> new Action.Send(Frames.ping())));
        // /logout
        add(new CommandSpec("logout", "/logout", "log out but keep the client open", true, 0, 0,
                a -> new Action.Send(Frames.logout())));
        // /menu
        add(new CommandSpec("menu", "/menu", "show the numbered menu", false, 0, 0, a -> new Action.ShowMenu()));
        // /help
        add(new CommandSpec("help", "/help", "show this help", false, 0, 0, a -> new Action.Show(help())));
        // /quit
        add(new CommandSpec("quit", "/quit", "log out and leave (also /exit)", false, 0, 0, a -> new Action.Quit()));
        TABLE.put("exit", TABLE.get("quit"));
    }

    private SlashCommands() {
    }

    private static void add(CommandSpec spec) {
        TABLE.put(spec.verb(), spec);
    }

    static CommandSpec find(String verb) {
        return TABLE.get(verb);
    }

    static String help() {
        StringBuilder text = new StringBuilder();
        TABLE.forEach((name, spec) -> {
            if (name.equals(spec.verb())) {
                text.append(String.format("  %-34s %s\n", spec.syntax(), spec.summary()));
            }
        });
        text.append(String.format("  %-34s %s\n", "//text", "send text that starts with /"));
        return text.toString();
    }
}
