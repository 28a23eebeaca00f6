package dev.parley.gateway;

import dev.parley.protocol.ByeReason;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Json;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.service.account.AccountAddresses;
import dev.parley.service.account.ChangePasswordRequest;
import dev.parley.service.account.DeleteOwnRequest;
import dev.parley.service.account.PurgeRequest;
import dev.parley.service.account.RenameReply;
import dev.parley.service.account.RenameRequest;
import io.vertx.core.json.JsonObject;

/** password, rename, delete_account: a logged-in user managing their own account. */
final class ProfileCommands {
    private final GatewayServices services;

    ProfileCommands(GatewayServices services) {
        this.services = services;
    }

    // password <old> <new>
    void password(Connection c, Request r) {
        ChangePasswordRequest body = new ChangePasswordRequest(c.user(), r.text(Fields.OLD_PASSWORD), r.text(Fields.NEW_PASSWORD), c.remoteAddress());
        services.bus().<JsonObject>request(AccountAddresses.CHANGE_PASSWORD, body.toJson())
                .onSuccess(m -> {
                    services.metrics().accountChange("password");
                    c.send(Reply.ok(Ops.PASSWORD, r.rid(), null));
                })
                .onFailure(t -> c.send(Replies.failure(Ops.PASSWORD, r, t)));
    }

    // rename <name...>
    void rename(Connection c, Request r) {
        RenameRequest body = new RenameRequest(c.user(), r.text(Fields.NAME), c.remoteAddress());
        services.bus().<JsonObject>request(AccountAddresses.RENAME, body.toJson())
                .map(m -> RenameReply.fromJson(m.body()))
                .onSuccess(renamed -> {
                    services.metrics().accountChange("name");
                    // Messages sent from now on carry the new name; who shows it from the next login.
                    c.renamed(renamed.name());
                    c.send(Reply.ok(Ops.RENAME, r.rid(), Json.object().put(Fields.USER, renamed.user()).put(Fields.NAME, renamed.name())));
                })
                .onFailure(t -> c.send(Replies.failure(Ops.RENAME, r, t)));
    }

    // delete_account <password>
    void deleteAccount(Connection c, Request r) {
        String user = c.user();
        DeleteOwnRequest body = new DeleteOwnRequest(user, r.text(Fields.PASSWORD), c.remoteAddress());
        services.bus().<JsonObject>request(AccountAddresses.DELETE_OWN, body.toJson())
                .onSuccess(m -> {
                    services.metrics().accountChange("delete");
                    c.send(Reply.ok(Ops.DELETE_ACCOUNT, r.rid(), Json.object().put(Fields.USER, user)));
                    c.bye(ByeReason.ACCOUNT_DELETED, null);
                    // The departure writes a last-seen position; purge after it, so nothing of the account is left.
                    c.gateway().release(c).onComplete(v ->
                            services.bus().request(AccountAddresses.PURGE, new PurgeRequest(user).toJson()));
                })
                .onFailure(t -> c.send(Replies.failure(Ops.DELETE_ACCOUNT, r, t)));
    }
}
