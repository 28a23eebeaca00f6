package dev.parley.service.account;

import dev.parley.config.ParleyConfig;
import dev.parley.logging.Audit;
import dev.parley.protocol.ByeReason;
import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import dev.parley.service.Empty;
import dev.parley.service.auth.AccountRules;
import dev.parley.service.auth.HashQueue;
import dev.parley.service.auth.PasswordHasher;
import dev.parley.service.delivery.CloseUser;
import dev.parley.service.delivery.Closed;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.ServerNotice;
import dev.parley.store.PresenceEntry;
import dev.parley.store.Stores;
import dev.parley.store.UserRecord;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Account management after registration: users change their password or name or delete their account;
 * operators lock, unlock, delete, reset, kick and broadcast. Sessions are closed on whichever node holds
 * them, through that node's delivery address. Passwords are hashed on the node's bounded {@link HashQueue}.
 */
public final class AccountVerticle extends VerticleBase {
    /** The admin listing reads at most this many presence entries; above it the per-node counts are partial. */
    static final int ONLINE_SCAN_MAX = 100_000;
    static final int ONLINE_PAGE_MAX = 500;
    /** Waiting longer for a node to close a session means that node is in trouble: report "not kicked". */
    private static final long CLOSE_TIMEOUT_MS = 5_000;

    private final Bus bus;
    private final ParleyConfig.Auth auth;
    /** Longest operator notice or kick reason (limits.maxTextChars, as for users' texts). */
    private final int maxTextChars;
    private final Stores stores;
    private final Audit audit;
    private final AccountRules rules;
    private final PasswordHasher hasher;
    /** The node's hashing queue, shared with the auth service: checks go in the login lane, new hashes after them. */
    private final HashQueue hashes;
    /** Wrong old passwords per user: a stolen session must not become a password-guessing oracle. */
    private FailureThrottle wrongPasswords;
    /** What a deleted account leaves in rooms goes with it (memberships, read positions); issue 14. */
    private final Function<String, Future<Void>> forgetRooms;

    public AccountVerticle(Bus bus, ParleyConfig.Auth auth, int maxTextChars, Stores stores, Audit audit, HashQueue hashes,
                           PasswordHasher hasher) {
        this(bus, auth, maxTextChars, stores, audit, hashes, hasher, user -> Future.succeededFuture());
    }

    /** @param forgetRooms leaves every room and forgets the read positions of a deleted account */
    public AccountVerticle(Bus bus, ParleyConfig.Auth auth, int maxTextChars, Stores stores, Audit audit, HashQueue hashes,
                           PasswordHasher hasher, Function<String, Future<Void>> forgetRooms) {
        this.forgetRooms = forgetRooms;
        this.bus = bus;
        this.hashes = hashes;
        this.hasher = hasher;
        this.auth = auth;
        this.maxTextChars = maxTextChars;
        this.stores = stores;
        this.audit = audit;
        this.rules = new AccountRules(auth.passwordMinLength(), auth.passwordMaxLength());
    }

    @Override
    public Future<?> start() {
        // Guessing through "change password" is throttled like guessing at login, per user (the user is logged in here).
        wrongPasswords = new FailureThrottle(auth.loginAttemptsPerUserAddress(), auth.loginWindow(), System::currentTimeMillis);
        vertx.setPeriodic(auth.loginWindow().toMillis(), id -> wrongPasswords.sweep());
        return Future.join(List.of(
                serve(AccountAddresses.CHANGE_PASSWORD, ChangePasswordRequest::fromJson, this::changePassword),
                serve(AccountAddresses.RENAME, RenameRequest::fromJson, this::rename),
                serve(AccountAddresses.DELETE_OWN, DeleteOwnRequest::fromJson, this::deleteOwn),
                serve(AccountAddresses.PURGE, PurgeRequest::fromJson, this::purge),
                serve(AccountAddresses.LOCK, LockRequest::fromJson, this::lock),
                serve(AccountAddresses.DELETE, DeleteUserRequest::fromJson, this::delete),
                serve(AccountAddresses.RESET_PASSWORD, ResetPasswordRequest::fromJson, this::resetPassword),
                serve(AccountAddresses.KICK, KickRequest::fromJson, this::kick),
                serve(AccountAddresses.NOTICE, NoticeRequest::fromJson, this::notice),
                serve(AccountAddresses.ONLINE, OnlineRequest::fromJson, this::online)));
    }

    /** Serves an address: parses each request (an invalid body is BAD_REQUEST and counted), replies with the outcome. */
    private <R> Future<Void> serve(String address, Function<JsonObject, R> parse, Function<R, Future<JsonObject>> handler) {
        return vertx.eventBus().<JsonObject>localConsumer(address, m -> bus.answer(m, "account", parse, handler)).completion();
    }

    private Future<JsonObject> changePassword(ChangePasswordRequest r) {
        rules.checkPassword(r.newPassword());
        return verified(r.user(), r.oldPassword())
                .compose(u -> hashes.submit(context, HashQueue.Lane.REGISTRATION, () -> hasher.hash(r.newPassword())))
                .compose(hash -> stores.users().update(r.user(), u -> u.withPasswordHash(hash)))
                .compose(u -> existing(u))
                .map(u -> {
                    audit.user(Audit.Event.ACCOUNT_CHANGED, r.user(), r.remote(), "password");
                    return Empty.INSTANCE.toJson();
                });
    }

    private Future<JsonObject> rename(RenameRequest r) {
        rules.checkName(r.name());
        return stores.users().update(r.user(), u -> u.withName(r.name()))
                .compose(u -> existing(u))
                .map(u -> {
                    audit.user(Audit.Event.ACCOUNT_CHANGED, r.user(), r.remote(), "name");
                    return new RenameReply(u.id(), u.name()).toJson();
                });
    }

    private Future<JsonObject> deleteOwn(DeleteOwnRequest r) {
        return verified(r.user(), r.password())
                .compose(u -> stores.users().delete(r.user()))
                // Mail now, while the session still runs; what its departure writes goes with PURGE.
                .compose(deleted -> stores.mailbox().clear(r.user()))
                .map(v -> {
                    audit.user(Audit.Event.ACCOUNT_DELETED, r.user(), r.remote(), "self");
                    return new DeleteOwnReply(r.user()).toJson();
                });
    }

    private Future<JsonObject> purge(PurgeRequest r) {
        return purge(r.user()).map(v -> Empty.INSTANCE.toJson());
    }

    /** The account if {@code password} is its password; BAD_CREDENTIALS (after the same work) if not. */
    private Future<UserRecord> verified(String user, String password) {
        if (user == null || password == null) return Future.failedFuture(Bus.error(ChatError.BAD_REQUEST, "the password is required"));
        if (wrongPasswords.blocked(user)) {
            return Future.failedFuture(Bus.error(ChatError.RATE_LIMITED, "too many wrong passwords; wait a minute"));
        }
        return stores.users().find(user)
                .compose(u -> hashes.submit(context, HashQueue.Lane.LOGIN,
                        () -> hasher.verify(password, u == null ? null : u.passwordHash()) ? u : null))
                .compose(u -> {
                    if (u != null) {
                        wrongPasswords.clear(user);
                        return Future.succeededFuture(u);
                    }
                    wrongPasswords.recordFailure(user);
                    return Future.failedFuture(Bus.error(ChatError.BAD_CREDENTIALS, "wrong password"));
                });
    }

    private Future<JsonObject> lock(LockRequest r) {
        return stores.users().update(r.user(), u -> u.withLocked(r.locked()))
                .compose(u -> existing(u))
                .compose(u -> r.locked() ? closeSession(r.user(), ByeReason.KICKED, "your account was locked")
                        : Future.succeededFuture(false))
                .map(kicked -> new LockReply(r.user(), r.locked(), kicked).toJson());
    }

    private Future<JsonObject> delete(DeleteUserRequest r) {
        String user = r.user();
        return stores.users().delete(user)
                .compose(deleted -> deleted ? closeSession(user, ByeReason.ACCOUNT_DELETED, null)
                        : Future.failedFuture(Bus.error(ChatError.NO_SUCH_USER, null)))
                .compose(kicked -> purge(user).map(v -> new DeleteUserReply(user, kicked).toJson()));
    }

    private Future<JsonObject> resetPassword(ResetPasswordRequest r) {
        rules.checkPassword(r.password());
        return hashes.submit(context, HashQueue.Lane.REGISTRATION, () -> hasher.hash(r.password()))
                .compose(hash -> stores.users().update(r.user(), u -> u.withPasswordHash(hash)))
                .compose(u -> existing(u))
                .map(u -> new ResetPasswordReply(u.id()).toJson());
    }

    private Future<JsonObject> kick(KickRequest r) {
        String reason = r.reason() == null || r.reason().isBlank() ? null : checkedText(r.reason());
        return closeSession(r.user(), ByeReason.KICKED, reason)
                .map(kicked -> new KickReply(r.user(), kicked).toJson());
    }

    private Future<JsonObject> notice(NoticeRequest r) {
        String text = r.text();
        if (text == null || text.isBlank()) throw Bus.error(ChatError.BAD_REQUEST, "text is required");
        vertx.eventBus().publish(NodeAddresses.ALL, new ServerNotice("ADMIN", checkedText(text)).toJson());
        return Future.succeededFuture(Empty.INSTANCE.toJson());
    }

    private Future<JsonObject> online(OnlineRequest r) {
        if (r.page() < 1 || r.size() < 1 || r.size() > ONLINE_PAGE_MAX) {
            throw Bus.error(ChatError.BAD_REQUEST, "page >= 1 and size 1 to " + ONLINE_PAGE_MAX);
        }
        return Future.all(stores.presence().count(), stores.presence().list(ONLINE_SCAN_MAX)).map(all -> {
            long count = all.resultAt(0);
            List<PresenceEntry> entries = new ArrayList<>(all.<List<PresenceEntry>>resultAt(1));
            // Sorted by id so that pages are stable while nobody comes or goes.
            entries.sort(Comparator.comparing(PresenceEntry::user));
            Map<String, Integer> perNode = new TreeMap<>();
            for (PresenceEntry e : entries) perNode.merge(e.node(), 1, Integer::sum);
            List<OnlineReply.OnlineUser> users = new ArrayList<>();
            long from = (long) (r.page() - 1) * r.size();
            for (long i = from; i < entries.size() && i < from + r.size(); i++) {
                PresenceEntry e = entries.get((int) i);
                users.add(new OnlineReply.OnlineUser(e.user(), e.name(), e.node()));
            }
            return new OnlineReply(count, r.page(), r.size(), users, perNode, entries.size() >= count).toJson();
        });
    }

    private static Future<UserRecord> existing(UserRecord u) {
        return u == null ? Future.failedFuture(Bus.error(ChatError.NO_SUCH_USER, null)) : Future.succeededFuture(u);
    }

    private String checkedText(String text) {
        if (text.codePointCount(0, text.length()) > maxTextChars) {
            throw Bus.error(ChatError.TEXT_TOO_LONG, "text is limited to " + maxTextChars + " characters");
        }
        return text;
    }

    /**
     * Closes the user's session on the node that holds it; true when there was one. Completes after the node
     * recorded the departure. A node that does not answer counts as "no session closed", never as a failure.
     */
    private Future<Boolean> closeSession(String user, ByeReason reason, String message) {
        return stores.presence().get(user).compose(e -> e == null ? Future.succeededFuture(false)
                : vertx.eventBus().<JsonObject>request(NodeAddresses.node(e.node()),
                                new CloseUser(user, reason, message).toJson(), new DeliveryOptions().setSendTimeout(CLOSE_TIMEOUT_MS))
                        .map(reply -> Closed.fromJson(reply.body()).closed())
                        .otherwise(false));
    }

    /** What a deleted account leaves behind: its mail, its last-seen group position, its rooms and read positions. */
    private Future<Void> purge(String user) {
        if (user == null) return Future.failedFuture(Bus.error(ChatError.BAD_REQUEST, "user is required"));
        return Future.join(stores.mailbox().clear(user), stores.lastSeen().forget(user), forgetRooms.apply(user)).mapEmpty();
    }
}
