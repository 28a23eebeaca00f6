package dev.parley.service.auth;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import dev.parley.store.CounterStore;
import dev.parley.store.UserRecord;
import dev.parley.store.UserStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Registers accounts and checks logins. Hashing runs on {@link HashQueue}'s threads, logins first; attempts
 * are counted in the {@link CounterStore} (shared by the cluster) when admitted, before any hashing.
 */
public final class AuthVerticle extends VerticleBase {
    private final Bus bus;
    private final UserStore users;
    private final CounterStore counters;
    private final AccountRules rules;
    private final LoginLimits loginLimits;
    private final RegistrationLimits registrationLimits;
    private final PasswordHasher hasher;
    private final HashQueue hashes;

    /** @param hashes the node's hashing queue; this service closes it when it stops */
    public AuthVerticle(Bus bus, ParleyConfig.Auth config, UserStore users, CounterStore counters, HashQueue hashes,
                        PasswordHasher hasher) {
        this.bus = bus;
        this.users = users;
        this.counters = counters;
        this.hashes = hashes;
        this.hasher = hasher;
        this.rules = new AccountRules(config.passwordMinLength(), config.passwordMaxLength());
        this.loginLimits = new LoginLimits(config);
        this.registrationLimits = new RegistrationLimits(config);
    }

    @Override
    public Future<?> start() {
        return Future.join(
                vertx.eventBus().<JsonObject>localConsumer(AuthAddresses.REGISTER, this::register).completion(),
                vertx.eventBus().<JsonObject>localConsumer(AuthAddresses.LOGIN, this::login).completion());
    }

    @Override
    public Future<?> stop() {
        hashes.close();
        return Future.succeededFuture();
    }

    private static String addressKey(String address) {
        return address == null ? "?" : address;
    }

    private void register(Message<JsonObject> message) {
        RegisterRequest r = bus.parse(message, "auth", RegisterRequest::fromJson);
        if (r == null) return;
        try {
            rules.check(r);
        } catch (Bus.ServiceException e) {
            bus.failWith(message, e);
            return;
        }
        String name = r.name() == null ? r.user() : r.name();
        List<CounterStore.Limit> limits = registrationLimits.limits(addressKey(r.address()));
        // Straight to the hash queue: a store lookup first would put a flood ahead of logins in the store's pool.
        counters.acquire(limits)
                .compose(a -> a.admitted() ? hashes.submit(context, HashQueue.Lane.REGISTRATION, () -> hasher.hash(r.password()))
                        .onFailure(busy -> counters.release(limits.stream().map(CounterStore.Limit::key).toList()))
                        : Future.failedFuture(Bus.error(ChatError.RATE_LIMITED, RegistrationLimits.refusal(a.refusedBy()))))
                .compose(hash -> users.create(new UserRecord(r.user(), name, hash, System.currentTimeMillis())))
                .onSuccess(created -> {
                    if (created) message.reply(new RegisterReply(r.user(), name).toJson());
                    else Bus.fail(message, ChatError.USER_EXISTS, null);
                })
                .onFailure(t -> bus.failWith(message, t));
    }

    private void login(Message<JsonObject> message) {
        LoginRequest r = bus.parse(message, "auth", LoginRequest::fromJson);
        if (r == null) return;
        if (r.user() == null || r.password() == null) {
            Bus.fail(message, ChatError.BAD_REQUEST, "user and password are required");
            return;
        }
        String address = addressKey(r.address());
        counters.acquire(loginLimits.limits(r.user(), address))
                .onFailure(t -> bus.failWith(message, t))
                .onSuccess(a -> {
                    if (!a.admitted()) {
                        Bus.fail(message, ChatError.RATE_LIMITED, LoginLimits.refusal(a.refusedBy()));
                        return;
                    }
                    long delay = loginLimits.delayMillis(a.counts()[LoginLimits.BY_USER]);
                    if (delay == 0) check(message, r, address);
                    else vertx.setTimer(delay, id -> check(message, r, address));
                });
    }

    private void check(Message<JsonObject> message, LoginRequest r, String address) {
        users.find(r.user())
                .compose(u -> hashes.submit(context, HashQueue.Lane.LOGIN,
                        () -> hasher.verify(r.password(), u == null ? null : u.passwordHash()) ? u : null))
                .onComplete(done -> {
                    if (done.succeeded() && done.result() == null) {
                        Bus.fail(message, ChatError.BAD_CREDENTIALS, null);
                        return;
                    }
                    // A success, or an attempt never checked (busy, store down), does not count against anyone.
                    counters.release(loginLimits.keys(r.user(), address)).onComplete(released -> {
                        UserRecord u = done.result();
                        if (done.failed()) bus.failWith(message, done.cause());
                        // Locked by an operator (service/account); told only to who knows the password.
                        else if (u.locked()) Bus.fail(message, ChatError.ACCOUNT_LOCKED, null);
                        else message.reply(new LoginReply(u.id(), u.name()).toJson());
                    });
                });
    }
}
