package dev.parley.gateway;

import dev.parley.protocol.ChatError;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;

import java.util.HashMap;
import java.util.Map;

/** Maps ops to handlers and performs the checks every command shares. */
final class CommandTable {
    private final Map<String, CommandSpec> specs = new HashMap<>();

    CommandTable(GatewayServices services) {
        AccountCommands account = new AccountCommands(services);
        ChatCommands chat = new ChatCommands(services);
        add(new CommandSpec("register", true, account::register));
        add(new CommandSpec("login", true, account::login));
        add(new CommandSpec("logout", true, account::logout));
        add(new CommandSpec("ping", true, (c, r) -> c.send(Reply.pong(r.rid()))));
        add(new CommandSpec("help", true, (c, r) -> c.send(Reply.ok("help", r.rid(), null))));
        add(new CommandSpec("who", false, chat::who));
        add(new CommandSpec("say", false, chat::say));
        add(new CommandSpec("msg", false, chat::msg));
        ProfileCommands profile = new ProfileCommands(services);
        add(new CommandSpec("password", false, profile::password));
        add(new CommandSpec("rename", false, profile::rename));
        add(new CommandSpec("delete_account", false, profile::deleteAccount));
    }

    private void add(CommandSpec spec) {
        specs.put(spec.op(), spec);
    }

    void dispatch(Connection c, Request r) {
        if (r.op() == null) {
            c.send(Reply.fail("error", r.rid(), ChatError.BAD_REQUEST, "a request needs an \"op\""));
            return;
        }
        CommandSpec spec = specs.get(r.op());
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
