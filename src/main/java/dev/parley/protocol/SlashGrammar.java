package dev.parley.protocol;

import java.util.List;

/**
 * The slash commands that mean the same to the server's text protocol and to the console client. Each side
 * layers its own on top (the server: /quit and /help; the client: /menu, /missed, its own /help and /quit).
 */
public final class SlashGrammar {

    // /register <id> <password> [name...]
    public static final SlashCommand REGISTER = new SlashCommand("register", Ops.REGISTER,
            "/register <id> <password> [name]", List.of(Fields.USER, Fields.PASSWORD, Fields.NAME), 2);
    // /login <id> <password>
    public static final SlashCommand LOGIN = new SlashCommand("login", Ops.LOGIN,
            "/login <id> <password>", List.of(Fields.USER, Fields.PASSWORD), 2);
    // /who
    public static final SlashCommand WHO = new SlashCommand("who", Ops.WHO, "/who", List.of(), 0);
    // /say <text...> (same as a plain line; lets a message start with '/')
    public static final SlashCommand SAY = new SlashCommand("say", Ops.SAY, "/say <text>", List.of(Fields.TEXT), 1);
    // /msg <id> <text...>
    public static final SlashCommand MSG = new SlashCommand("msg", Ops.MSG,
            "/msg <id> <text>", List.of(Fields.TO, Fields.TEXT), 2);
    // /password <old> <new>
    public static final SlashCommand PASSWORD = new SlashCommand("password", Ops.PASSWORD,
            "/password <old> <new>", List.of(Fields.OLD_PASSWORD, Fields.NEW_PASSWORD), 2);
    // /name <new name...>
    public static final SlashCommand NAME = new SlashCommand("name", Ops.RENAME,
            "/name <new name>", List.of(Fields.NAME), 1);
    // /delete-account <password>
    public static final SlashCommand DELETE_ACCOUNT = new SlashCommand("delete-account", Ops.DELETE_ACCOUNT,
            "/delete-account <password>", List.of(Fields.PASSWORD), 1);
    // /ping
    public static final SlashCommand PING = new SlashCommand("ping", Ops.PING, "/ping", List.of(), 0);
    // /away [text...] (without text: back)
    public static final SlashCommand AWAY = new SlashCommand("away", Ops.AWAY, "/away [text]", List.of(Fields.TEXT), 0);
    // /whois <id>
    public static final SlashCommand WHOIS = new SlashCommand("whois", Ops.WHOIS, "/whois <id>", List.of(Fields.USER), 1);
    // /logout
    public static final SlashCommand LOGOUT = new SlashCommand("logout", Ops.LOGOUT, "/logout", List.of(), 0);


    // Rooms. A room left out of an optional [#room] is the connection's current room (the server's choice).
    // /join #room
    public static final SlashCommand JOIN = new SlashCommand("join", Ops.JOIN, "/join #room", List.of(Fields.ROOM), 1);
    // /part [#room] [reason...]
    public static final SlashCommand PART = new SlashCommand("part", Ops.PART, "/part [#room] [reason]",
            List.of(Fields.ROOM, Fields.REASON), 0, SlashCommand.Shape.OPTIONAL_ROOM);
    // /room [#room] (without a room: which room is current)
    public static final SlashCommand ROOM = new SlashCommand("room", Ops.ROOM, "/room [#room]", List.of(Fields.ROOM), 0);
    // /rooms [after] (after: the name the page starts after, for the next page)
    public static final SlashCommand ROOMS = new SlashCommand("rooms", Ops.ROOMS, "/rooms [after]", List.of(Fields.AFTER), 0);
    // /members [#room]
    public static final SlashCommand MEMBERS = new SlashCommand("members", Ops.MEMBERS, "/members [#room]",
            List.of(Fields.ROOM), 0, SlashCommand.Shape.OPTIONAL_ROOM);
    // /topic [#room] [text...] (without text: show the topic)
    public static final SlashCommand TOPIC = new SlashCommand("topic", Ops.TOPIC, "/topic [#room] [text]",
            List.of(Fields.ROOM, Fields.TEXT), 0, SlashCommand.Shape.OPTIONAL_ROOM);
    // /kick #room <id> [reason...]
    public static final SlashCommand KICK = new SlashCommand("kick", Ops.KICK, "/kick #room <id> [reason]",
            List.of(Fields.ROOM, Fields.USER, Fields.REASON), 2);
    // /ban #room <id>
    public static final SlashCommand BAN = new SlashCommand("ban", Ops.BAN, "/ban #room <id>", List.of(Fields.ROOM, Fields.USER), 2);
    // /unban #room <id>
    public static final SlashCommand UNBAN = new SlashCommand("unban", Ops.UNBAN, "/unban #room <id>",
            List.of(Fields.ROOM, Fields.USER), 2);
    // /invite #room <id>
    public static final SlashCommand INVITE = new SlashCommand("invite", Ops.INVITE, "/invite #room <id>",
            List.of(Fields.ROOM, Fields.USER), 2);
    // /mode #room +i|-i|+o <id>|-o <id>
    public static final SlashCommand MODE = new SlashCommand("mode", Ops.MODE, "/mode #room +i|-i|+o <id>|-o <id>",
            List.of(Fields.ROOM, SlashCommand.MODE_FLAG, Fields.USER), 2, SlashCommand.Shape.MODE);
    // /history [#room] [n]
    public static final SlashCommand HISTORY = new SlashCommand("history", Ops.HISTORY, "/history [#room] [n]",
            List.of(Fields.ROOM, Fields.LIMIT), 0, SlashCommand.Shape.OPTIONAL_ROOM);

    private static final List<SlashCommand> ALL = List.of(REGISTER, LOGIN, WHO, SAY, MSG, PASSWORD, NAME, DELETE_ACCOUNT,
            PING, AWAY, WHOIS, LOGOUT, JOIN, PART, ROOM, ROOMS, MEMBERS, TOPIC, KICK, BAN, UNBAN, INVITE, MODE, HISTORY);

    private SlashGrammar() {
    }

    public static List<SlashCommand> all() {
        return ALL;
    }

    /** The command of this verb, or null. */
    public static SlashCommand byVerb(String verb) {
        for (SlashCommand c : ALL) {
            if (c.verb().equals(verb)) return c;
        }
        return null;
    }

    /** Also accepts the JSON op as a verb (/rename, /delete_account): the text protocol always has. */
    public static SlashCommand byVerbOrOp(String verb) {
        SlashCommand c = byVerb(verb);
        if (c != null) return c;
        for (SlashCommand byOp : ALL) {
            if (byOp.op().equals(verb)) return byOp;
        }
        return null;
    }

    /**
     * Splits {@code rest} (no surrounding whitespace) on whitespace into at most {@code max} arguments, the last
     * keeping the rest of the line; with {@code max} 0, anything at all is one surplus argument.
     */
    public static List<String> arguments(String rest, int max) {
        if (rest.isEmpty()) return List.of();
        if (max <= 1) return List.of(rest);
        return List.of(rest.split("\\s+", max));
    }
}
