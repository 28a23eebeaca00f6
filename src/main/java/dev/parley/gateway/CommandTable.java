package dev.parley.gateway;

import dev.parley.protocol.ChatError;
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
        return new CommandTable<>(List.of(
                new CommandSpec<>("register", true, account::register),
                new CommandSpec<>("login", true, account::login),
                new CommandSpec<>("logout", true, account::logout),
                new CommandSpec<>("ping", true, (c, r) -> c.send(Reply.pong(r.rid()))),
                new CommandSpec<>("help", true, (c, r) -> c.send(Reply.ok("help", r.rid(), null))),
                new CommandSpec<>("who", false, chat::who),
                new CommandSpec<>("say", false, chat::say),
                new CommandSpec<>("msg", false, chat::msg),
                new CommandSpec<>("password", false, profile::password),
                new CommandSpec<>("rename", false, profile::rename),
                new CommandSpec<>("delete_account", false, profile::deleteAccount)));
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
