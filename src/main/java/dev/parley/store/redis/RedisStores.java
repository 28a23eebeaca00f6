package dev.parley.store.redis;

import dev.parley.store.NodeRegistry;
import dev.parley.store.StoreSet;
import dev.parley.store.StoreSize;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared backend of a cluster: every store in one Redis (standalone, or a primary with replicas).
 * A future completes once Redis has applied the change; how durable that is (AOF, replicas) is Redis's
 * configuration. Every Redis error, refused connection or timeout fails the future.
 */
public final class RedisStores extends StoreSet {
    // Commands waiting for a pooled connection beyond this fail at once rather than queueing without bound.
    // 1,024 was too few for a login storm on a 6-node cluster (pool-too-busy errors while Redis idled).
    private static final int MAX_POOL_WAITING = 8192;
    private static final Pattern VERSION = Pattern.compile("redis_version:(\\d+)\\.(\\d+)");

    private final RedisCalls redis;
    private final RedisNodeRegistry nodes;

    private RedisStores(RedisCalls redis, RedisStoreOptions options) {
        this(redis, options, new RedisKeys(options.keyPrefix()));
    }

    private RedisStores(RedisCalls redis, RedisStoreOptions options, RedisKeys keys) {
        super(new RedisUserStore(redis, keys), new RedisMailboxStore(redis, keys, options.mailboxTtl().toMillis()),
                new RedisGroupHistoryStore(redis, keys, options.historyMaxMessages()), new RedisLastSeenStore(redis, keys),
                new RedisIdempotencyStore(redis, keys), new RedisPresenceStore(redis, keys), new RedisCounterStore(redis, keys),
                options.defaultRoom(), new RedisRoomStore(redis, keys, options.defaultRoom()),
                new RedisRoomHistoryStore(redis, keys, options.historyMaxMessages()), new RedisReadPositionStore(redis, keys),
                new RedisRoomSpeech(redis, keys, options.historyMaxMessages(), options.defaultRoom()));
        this.redis = redis;
        this.nodes = new RedisNodeRegistry(redis, options.keyPrefix());
    }

    /**
     * Creates the client and checks that Redis answers and is recent enough; fails with a message naming the
     * (credential-free) address otherwise. Later outages only fail individual operations: the pool reconnects.
     */
    public static Future<RedisStores> connect(Vertx vertx, RedisStoreOptions options) {
        String uri = options.connectionString();
        boolean tls = options.tls() || uri.startsWith("rediss://");
        // The client refuses a TLS pool with a plain redis:// address, so the flag also fixes the scheme.
        if (tls && uri.startsWith("redis://")) uri = "rediss://" + uri.substring("redis://".length());
        NetClientOptions net = new NetClientOptions()
                .setConnectTimeout((int) options.connectTimeout().toMillis())
                .setTcpKeepAlive(true)
                .setTcpNoDelay(true)
                .setSsl(tls);
        if (tls) net.setHostnameVerificationAlgorithm("HTTPS");
        if (tls && options.tlsCaFile() != null) net.setTrustOptions(new PemTrustOptions().addCertPath(options.tlsCaFile()));
        RedisOptions ro = new RedisOptions()
                .setConnectionString(uri)
                .setMaxPoolSize(options.poolSize())
                .setMaxPoolWaiting(MAX_POOL_WAITING)
                .setNetClientOptions(net);
        if (options.password() != null && !options.password().isEmpty()) ro.setPassword(options.password());
        RedisCalls redis = new RedisCalls(Redis.createClient(vertx, ro), options.commandTimeout().toMillis());
        String where = options.safeConnectionString();
        // A refused or silent Redis must fail this attempt in bounded time (the pool alone would keep trying).
        long patience = options.connectTimeout().plus(options.commandTimeout()).toMillis();
        return redis.send(Command.INFO, "server")
                .timeout(patience, java.util.concurrent.TimeUnit.MILLISECONDS)
                .recover(t -> Future.failedFuture(new IllegalStateException(
                        "cannot reach Redis at " + where + ": " + t.getMessage(), t)))
                .compose(info -> checkVersion(where, info == null ? "" : info.toString()))
                .map(v -> new RedisStores(redis, options))
                .recover(t -> redis.close().transform(c -> Future.failedFuture(t)));
    }

    // 6.2 for exclusive stream ranges, the oldest feature the scripts use.
    private static Future<Void> checkVersion(String where, String info) {
        Matcher m = VERSION.matcher(info);
        if (!m.find()) return Future.succeededFuture();
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major > 6 || (major == 6 && minor >= 2)) return Future.succeededFuture();
        return Future.failedFuture(new IllegalStateException(
                "Redis at " + where + " is version " + major + "." + minor + "; Parley needs 6.2 or later"));
    }

    /** Which cluster nodes are alive (heartbeat keys). */
    public NodeRegistry nodes() { return nodes; }

    @Override
    public Future<StoreSize> size() {
        return redis.send(Command.INFO, "memory").map(r -> {
            String info = r.toString();
            return new StoreSize(infoField(info, "used_memory"), infoField(info, "maxmemory"));
        });
    }

    /** A numeric "name:value" line of INFO's output; 0 when absent. */
    static long infoField(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) return Long.parseLong(line.substring(name.length() + 1).trim());
        }
        return 0;
    }

    @Override
    public Future<Void> ping() {
        return redis.send(Command.PING).mapEmpty();
    }

    @Override
    public Future<Void> close() {
        return redis.close();
    }
}
