package dev.parley.service.auth;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import dev.parley.service.BusCheck;
import dev.parley.store.UserRecord;
import dev.parley.store.UserStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/** Registers accounts and checks logins. Hashing runs on its own worker pool, in parallel. */
public final class AuthVerticle extends VerticleBase {
    private final ParleyConfig.Auth config;
    private final UserStore users;
    private final AccountRules rules;
    private PasswordHasher hasher;
    private WorkerExecutor hashPool;
    private FailureThrottle perUser;
    private FailureThrottle perAddress;

    public AuthVerticle(ParleyConfig.Auth config, UserStore users) {
        this.config = config;
        this.users = users;
        this.rules = new AccountRules(config.passwordMinLength(), config.passwordMaxLength());
    }

    @Override
    public Future<?> start() {
        hashPool = vertx.createSharedWorkerExecutor("parley-hash", config.hashThreads());
        perUser = new FailureThrottle(config.maxFailedLoginsPerUser(), config.failedLoginWindow(), System::currentTimeMillis);
        perAddress = new FailureThrottle(config.maxFailedLoginsPerAddress(), config.failedLoginWindow(), System::currentTimeMillis);
        vertx.setPeriodic(config.failedLoginWindow().toMillis(), id -> {
            perUser.sweep();
            perAddress.sweep();
        });
        return hashPool.executeBlocking(() -> new PasswordHasher(config.pbkdf2Iterations()), false)
                .compose(h -> {
                    hasher = h;
                    return Future.join(
                            vertx.eventBus().<JsonObject>localConsumer(AuthAddresses.REGISTER, this::register).completion(),
                            vertx.eventBus().<JsonObject>localConsumer(AuthAddresses.LOGIN, this::login).completion());
                });
    }

    @Override
    public Future<?> stop() {
        return hashPool.close();
    }

    // Types and sizes only: missing fields get the specific errors of AccountRules and login below.
    private static BusCheck check(Message<JsonObject> m) {
        return BusCheck.of(m).optStr("user", BusCheck.FIELD_MAX).optStr("password", BusCheck.FIELD_MAX)
                .optStr("name", BusCheck.FIELD_MAX).optStr("address", BusCheck.FIELD_MAX);
    }

    private void register(Message<JsonObject> message) {
        if (!check(message).accept(message, "auth")) return;
        RegisterRequest r = RegisterRequest.fromJson(message.body());
        try {
            rules.check(r);
        } catch (Bus.ServiceException e) {
            Bus.failWith(message, e);
            return;
        }
        String name = r.name() == null ? r.user() : r.name();
        hashPool.executeBlocking(() -> hasher.hash(r.password()), false)
                .compose(hash -> users.create(new UserRecord(r.user(), name, hash, System.currentTimeMillis())))
                .onSuccess(created -> {
                    if (created) message.reply(new JsonObject().put("user", r.user()).put("name", name));
                    else Bus.fail(message, ChatError.USER_EXISTS, null);
                })
                .onFailure(t -> Bus.failWith(message, t));
    }

    private void login(Message<JsonObject> message) {
        if (!check(message).accept(message, "auth")) return;
        LoginRequest r = LoginRequest.fromJson(message.body());
        if (r.user() == null || r.password() == null) {
            Bus.fail(message, ChatError.BAD_REQUEST, "user and password are required");
            return;
        }
        String addressKey = r.address() == null ? "?" : r.address();
        if (perUser.blocked(r.user()) || perAddress.blocked(addressKey)) {
            Bus.fail(message, ChatError.RATE_LIMITED, "too many failed logins; wait a minute");
            return;
        }
        users.find(r.user())
                .compose(u -> hashPool.executeBlocking(
                        () -> hasher.verify(r.password(), u == null ? null : u.passwordHash()) ? u : null, false))
                .onSuccess(u -> {
                    if (u == null) {
                        perUser.recordFailure(r.user());
                        perAddress.recordFailure(addressKey);
                        Bus.fail(message, ChatError.BAD_CREDENTIALS, null);
                    } else {
                        perUser.clear(r.user());
                        message.reply(new JsonObject().put("user", u.id()).put("name", u.name()));
                    }
                })
                .onFailure(t -> Bus.failWith(message, t));
    }
}
