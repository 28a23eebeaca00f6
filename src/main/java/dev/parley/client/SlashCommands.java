package dev.parley.client;

import dev.parley.protocol.SlashCommand;
import dev.parley.protocol.SlashGrammar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The client's slash-command table, shared by the interactive and batch modes: the protocol's
 * {@link SlashGrammar} with the client's summaries and login rules, plus commands that never reach the server.
 */
final class SlashCommands {

    private static final Map<String, CommandSpec> TABLE = new LinkedHashMap<>();

    static {
        shared(SlashGrammar.LOGIN, "log in", false);
        // the client always names the account: the id when no name is given
        add(spec(SlashGrammar.REGISTER, "create an account (name defaults to the id)", false,
                a -> a.size() > 2 ? a : List.of(a.get(0), a.get(1), a.get(0))));
        shared(SlashGrammar.WHO, "list who is online", true);
        shared(SlashGrammar.SAY, "message your current room (plain text does the same)", true);
        shared(SlashGrammar.MSG, "private message", true);
        shared(SlashGrammar.AWAY, "say you are away (others see it); without text: back", true);
        shared(SlashGrammar.WHOIS, "whether someone is online, and away", true);
        shared(SlashGrammar.PASSWORD, "change your password", true);
        shared(SlashGrammar.NAME, "change your display name", true);
        shared(SlashGrammar.DELETE_ACCOUNT, "delete your account and its mail, for good", true);
        // /missed
        add(new CommandSpec("missed", "/missed", "show messages that waited for you at this login", false, 0, 0,
                a -> new Action.ShowMissed()));
        shared(SlashGrammar.JOIN, "join (or create) a room; it becomes your current room", true);
        shared(SlashGrammar.ROOM, "choose your current room (or show it)", true);
        shared(SlashGrammar.PART, "leave a room (the current one if none named)", true);
        shared(SlashGrammar.ROOMS, "list the rooms", true);
        shared(SlashGrammar.MEMBERS, "who is in a room", true);
        shared(SlashGrammar.TOPIC, "show or set a room's topic", true);
        shared(SlashGrammar.HISTORY, "the last n messages of a room", true);
        shared(SlashGrammar.INVITE, "invite someone to a room (operators)", true);
        shared(SlashGrammar.KICK, "remove someone from a room (operators)", true);
        shared(SlashGrammar.BAN, "ban someone from a room (operators)", true);
        shared(SlashGrammar.UNBAN, "lift a ban (operators)", true);
        shared(SlashGrammar.MODE, "invite-only on/off, grant/revoke operator", true);
        shared(SlashGrammar.PING, "check that the server answers", false);
        shared(SlashGrammar.LOGOUT, "log out but keep the client open", true);
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

    private static void shared(SlashCommand command, String summary, boolean needsLogin) {
        add(spec(command, summary, needsLogin, a -> a));
    }

    /** A grammar command sent as is, after {@code complete} has filled in the client's defaults. */
    private static CommandSpec spec(SlashCommand command, String summary, boolean needsLogin,
                                    UnaryOperator<List<String>> complete) {
        return new CommandSpec(command.verb(), command.syntax(), summary, needsLogin, command.required(),
                command.fields().size(), a -> new Action.Send(Frames.request(command.request(complete.apply(a)))),
                command::arguments);
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
