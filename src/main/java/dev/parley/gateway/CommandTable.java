package dev.parley.gateway;

import dev.parley.protocol.ChatError;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Outbound;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps ops to handlers and performs the checks every command shares. */
final class CommandTable<C extends CommandTable.Caller> {

    /** Who sent the request, as the shared checks see it ({@link Connection}; a small fake in tests). */
    interface Caller {
        boolean loggedIn();

        void send(Outbound out);
    }

    private final Map<String, CommandSpec<C>> specs = new HashMap<>();

    CommandTable(List<CommandSpec<C>> specs) {
        for (CommandSpec<C> spec : specs) this.specs.put(spec.op(), spec);
    }

    /** Parley's commands. */
    static CommandTable<Connection> standard(GatewayServices services) {
        AccountCommands account = new AccountCommands(services);
        ChatCommands chat = new ChatCommands(services);
        ProfileCommands profile = new ProfileCommands(services);
        RoomCommands rooms = new RoomCommands(services);
        AwayCommands away = new AwayCommands(services);
        TagCommands tags = new TagCommands(services);
        return new CommandTable<>(List.of(
                new CommandSpec<>(Ops.REGISTER, true, account::register),
                new CommandSpec<>(Ops.LOGIN, true, account::login),
                new CommandSpec<>(Ops.LOGOUT, true, account::logout),
                new CommandSpec<>(Ops.PING, true, (c, r) -> c.send(Reply.pong(r.rid()))),
                new CommandSpec<>(Ops.HELP, true, (c, r) -> c.send(Reply.ok(Ops.HELP, r.rid(), null))),
                new CommandSpec<>(Ops.WHO, false, chat::who),
                new CommandSpec<>(Ops.SAY, false, chat::say),
                new CommandSpec<>(Ops.MSG, false, chat::msg),
                new CommandSpec<>(Ops.TAGMSG, false, tags::tagmsg),
                new CommandSpec<>(Ops.PASSWORD, false, profile::password),
                new CommandSpec<>(Ops.RENAME, false, profile::rename),
                new CommandSpec<>(Ops.DELETE_ACCOUNT, false, profile::deleteAccount),
                new CommandSpec<>(Ops.JOIN, false, rooms::join),
                new CommandSpec<>(Ops.PART, false, rooms::part),
                new CommandSpec<>(Ops.ROOM, false, rooms::choose),
                new CommandSpec<>(Ops.ROOMS, false, rooms::rooms),
                new CommandSpec<>(Ops.MEMBERS, false, rooms::members),
                new CommandSpec<>(Ops.TOPIC, false, rooms::topic),
                new CommandSpec<>(Ops.KICK, false, rooms::kick),
                new CommandSpec<>(Ops.BAN, false, rooms::ban),
                new CommandSpec<>(Ops.UNBAN, false, rooms::unban),
                new CommandSpec<>(Ops.INVITE, false, rooms::invite),
                new CommandSpec<>(Ops.MODE, false, rooms::mode),
                new CommandSpec<>(Ops.HISTORY, false, rooms::history),
                new CommandSpec<>(Ops.AWAY, false, away::away),
                new CommandSpec<>(Ops.WHOIS, false, away::whois)));
    }

    void dispatch(C c, Request r) {
        if (r.op() == null) {
            c.send(Reply.fail("error", r.rid(), ChatError.BAD_REQUEST, "a request needs an \"op\""));
            return;
        }
        CommandSpec<C> spec = specs.get(r.op());
        if (spec == null) {
            c.send(Reply.fail(r.op(), r.rid(), ChatError.UNKNOWN_OP, "unknown command '" + r.op() + "'; try help"));
            return;
        }
        if (!spec.allowedBeforeLogin() && !c.loggedIn()) {
            c.send(Reply.fail(r.op(), r.rid(), ChatError.NOT_LOGGED_IN, "log in first"));
            return;
        }
        spec.handler().handle(c, r);
    }
}
