package dev.parley.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.logging.Audit;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.Fields;
import dev.parley.protocol.Json;
import dev.parley.protocol.Ops;
import dev.parley.service.Bus;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.protocol.seed.SeedTranslator;
import dev.parley.service.auth.AuthAddresses;
import dev.parley.service.auth.LoginReply;
import dev.parley.service.auth.LoginRequest;
import dev.parley.service.auth.RegisterRequest;
import dev.parley.service.presence.JoinRequest;
import dev.parley.service.presence.OnlineListing;
import dev.parley.service.presence.PresenceAddresses;
import dev.parley.service.room.MyRoom;
import dev.parley.store.PresenceEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** register, login, logout. A login enters its rooms ({@link LoginRooms}); what it missed is replayed by {@link OfflineReplay}. */
final class AccountCommands {
    static final String SEED_IDS = "seed user ids are whole numbers from 1 to 999999999999999999, without leading zeros";

    private final GatewayServices services;
    private final OfflineReplay offlineReplay;
    private final LoginRooms loginRooms;
    /**
     * Logins and registers under way on this instance, each at most limits.accountOpsInFlight; the others wait their
     * turn. Two gates, so that a login never waits behind a flood of registrations (the hashing queue serves logins first).
     */
    private final AccountOpGate logins;
    private final AccountOpGate registrations;
    /** The online list of the last login reply, reused by the next ones while it is the same. */
    private final OnlineNodes onlineNodes = new OnlineNodes();

    AccountCommands(GatewayServices services) {
        this.services = services;
        this.offlineReplay = new OfflineReplay(services);
        this.loginRooms = new LoginRooms(services);
        this.logins = new AccountOpGate(services.config().limits().accountOpsInFlight());
        this.registrations = new AccountOpGate(services.config().limits().accountOpsInFlight());
    }

    /**
     * Runs a register or login when the gate admits it; {@code op} gets the one-shot release to call when it is
     * over. A connection that went away while waiting is skipped (its request flow is closed anyway).
     */
    private static void admitted(Connection c, AccountOpGate gate, Consumer<Runnable> op) {
        c.beginAccountOp();
        gate.submit(() -> {
            Once once = new Once();
            Runnable release = () -> {
                if (once.first()) gate.done();
            };
            if (c.closed()) {
                release.run();
                c.endAccountOp();
                return;
            }
            op.accept(release);
        });
    }

    // register <user> <password> [name]
    void register(Connection c, Request r) {
        if (!c.anonymous()) {
            c.send(Reply.fail(Ops.REGISTER, r.rid(), ChatError.ALREADY_LOGGED_IN, "log out before registering another account"));
            return;
        }
        RegisterRequest body = new RegisterRequest(r.text(Fields.USER), r.text(Fields.PASSWORD), r.text(Fields.NAME), c.remoteAddress());
        // Seed clients only know positive integer ids, and id 0 is the server's: no other seed account.
        if (c.protocol() == Protocol.SEED && SeedTranslator.seedId(body.user()) == null) {
            c.send(Reply.fail(Ops.REGISTER, r.rid(), ChatError.INVALID_USER, SEED_IDS));
            return;
        }
        admitted(c, registrations, release -> services.bus().<JsonObject>request(AuthAddresses.REGISTER, body.toJson())
                .onComplete(done -> {
                    release.run();
                    if (done.succeeded()) services.node().audit().user(Audit.Event.REGISTERED, body.user(), c.remoteAddress(), null);
                    c.send(done.succeeded()
                            ? Reply.ok(Ops.REGISTER, r.rid(), Json.object().put(Fields.USER, body.user()))
                            : Replies.failure(Ops.REGISTER, r, done.cause()));
                    c.endAccountOp();
                }));
    }

    // login <user> <password>
    void login(Connection c, Request r) {
        if (!c.anonymous()) {
            c.send(Reply.fail(Ops.LOGIN, r.rid(), ChatError.ALREADY_LOGGED_IN, null));
            return;
        }
        c.loggingIn();
        LoginRequest body = new LoginRequest(r.text(Fields.USER), r.text(Fields.PASSWORD), c.remoteAddress());
        admitted(c, logins, release -> services.bus().<JsonObject>request(AuthAddresses.LOGIN, body.toJson())
                .map(m -> LoginReply.fromJson(m.body()))
                .onSuccess(ok -> joined(c, r, ok.user(), ok.name(), release))
                .onFailure(t -> {
                    release.run();
                    services.metrics().loginsFailed.increment();
                    ChatError why = Bus.toChatError(t);
                    services.node().audit().user(why == ChatError.RATE_LIMITED ? Audit.Event.LOGIN_THROTTLED : Audit.Event.LOGIN_FAILED,
                            body.user(), c.remoteAddress(), why.name());
                    c.loginFailed();
                    c.send(Replies.failure(Ops.LOGIN, r, t));
                    c.endAccountOp();
                }));
    }

    private void joined(Connection c, Request r, String user, String name, Runnable release) {
        if (c.closed() || !c.loggingInState()) {
            release.run();
            return;
        }
        c.authenticated(user, name, UUID.randomUUID().toString());
        // From here on live events for the user are held on the connection; the rooms' heads read
        // next split "missed" (replayed from storage) from "live" (the held events after them).
        services.sessions().put(c);
        // The connection's strings, not the reply's: its name shares the id's string when they are equal.
        JoinRequest join = new JoinRequest(c.user(), c.name(), services.nodeId(), c.sessionId());
        List<MyRoom> rooms = new ArrayList<>();
        Promise<Void> joinAnswered = Promise.promise();
        c.joiningPresence(joinAnswered.future());
        loginRooms.enter(c)
                .compose(mine -> {
                    rooms.addAll(mine);
                    // Closed while entering its rooms: its departure is recorded already, so no JOIN.
                    if (c.closed()) return Future.failedFuture(Bus.error(ChatError.UNAVAILABLE, "connection closed during login"));
                    // A JOIN that failed here (timed out) may still run in Redis: have its entry swept.
                    return services.bus().<JsonObject>request(PresenceAddresses.JOIN, join.toJson())
                            .onFailure(t -> services.node().leaveFailed(
                                    new PresenceEntry(user, name, services.nodeId(), join.session())));
                })
                .onComplete(answered -> {
                    joinAnswered.complete();
                    release.run();
                })
                .map(m -> OnlineListing.fromJson(m.body()))
                .onSuccess(listing -> {
                    ObjectNode reply = Json.object().put(Fields.USER, user).put(Fields.NAME, name);
                    reply.set(Fields.ONLINE, onlineNodes.of(listing.online()));
                    reply.put(Fields.COUNT, listing.count());
                    services.metrics().loginsOk.increment();
                    services.node().audit().user(Audit.Event.LOGIN_OK, user, c.remoteAddress(), null);
                    c.send(Reply.ok(Ops.LOGIN, r.rid(), reply));
                    offlineReplay.start(c, rooms);
                    c.endAccountOp();
                })
                .onFailure(t -> {
                    services.sessions().remove(c);
                    c.gateway().rooms().leaveAll(c);
                    c.backToAnonymous();
                    c.send(Replies.failure(Ops.LOGIN, r, t));
                    c.endAccountOp();
                });
    }

    // logout
    void logout(Connection c, Request r) {
        if (c.user() != null) services.node().audit().user(Audit.Event.LOGOUT, c.user(), c.remoteAddress(), null);
        c.closeAfter(Reply.ok(Ops.LOGOUT, r.rid(), null));
    }
}
