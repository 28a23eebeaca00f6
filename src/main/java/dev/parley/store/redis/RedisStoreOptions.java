package dev.parley.store.redis;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.RoomName;
import dev.parley.store.StoreSet;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to reach Redis and how to lay the data out in it.
 *
 * @param connectionString   {@code redis://host:port} (or {@code rediss://} for TLS)
 * @param password           AUTH password, or null when Redis has none
 * @param tls                connect with TLS (also implied by a {@code rediss://} connection string)
 * @param tlsCaFile          PEM file of the CA certificates that sign Redis's certificate, or null for the JVM's trust store
 * @param poolSize           connections in the pool; each in-flight command holds one
 * @param keyPrefix          put in front of every key, so several deployments can share one Redis
 * @param historyMaxMessages group messages kept (the stream is trimmed to this length)
 * @param mailboxTtl         a mailbox disappears this long after its last append (its newest message is then too old)
 * @param connectTimeout     bound on opening a connection, so an unreachable Redis fails fast
 * @param commandTimeout     bound on one command, so a hung Redis fails the future instead of stalling callers
 * @param defaultRoom        canonical name of the default room, whose history and read positions are the group's
 */
public record RedisStoreOptions(String connectionString, String password, boolean tls, String tlsCaFile, int poolSize,
                                String keyPrefix, int historyMaxMessages, Duration mailboxTtl,
                                Duration connectTimeout, Duration commandTimeout, String defaultRoom) {
    public static final String DEFAULT_PREFIX = "parley:";

    public RedisStoreOptions {
        Objects.requireNonNull(connectionString, "connectionString");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (poolSize < 1) throw new IllegalArgumentException("poolSize must be at least 1");
        if (historyMaxMessages < 1) throw new IllegalArgumentException("historyMaxMessages must be at least 1");
        requirePositive(mailboxTtl, "mailboxTtl");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(commandTimeout, "commandTimeout");
        Objects.requireNonNull(defaultRoom, "defaultRoom");
    }

    /** Defaults matching conf/parley.yaml (10 000 history messages, 30-day mailboxes). */
    public static RedisStoreOptions of(String connectionString) {
        return new RedisStoreOptions(connectionString, null, false, null, 8, DEFAULT_PREFIX, 10_000, Duration.ofDays(30),
                Duration.ofSeconds(2), Duration.ofSeconds(5), StoreSet.DEFAULT_ROOM);
    }

    /** The options a node's configuration asks for: the cluster.redis* keys, history and mailbox limits. */
    public static RedisStoreOptions from(ParleyConfig config) {
        ParleyConfig.Cluster c = config.cluster();
        return of(c.redis()).with(o -> {
            o.password = c.redisPassword().isEmpty() ? null : c.redisPassword();
            o.tls = c.redisTls();
            o.tlsCaFile = c.redisCaFile().isEmpty() ? null : c.redisCaFile();
            o.poolSize = c.redisPoolSize();
            o.keyPrefix = c.redisKeyPrefix();
            o.historyMaxMessages = config.history().maxMessages();
            o.mailboxTtl = config.mailbox().maxAge();
            o.defaultRoom = RoomName.canonical(config.rooms().defaultRoom());
        });
    }

    public RedisStoreOptions withPassword(String v) {
        return with(o -> o.password = v);
    }

    public RedisStoreOptions withTls(boolean v) {
        return with(o -> o.tls = v);
    }

    public RedisStoreOptions withTlsCaFile(String v) {
        return with(o -> o.tlsCaFile = v);
    }

    public RedisStoreOptions withKeyPrefix(String v) {
        return with(o -> o.keyPrefix = v);
    }

    public RedisStoreOptions withHistoryMaxMessages(int v) {
        return with(o -> o.historyMaxMessages = v);
    }

    public RedisStoreOptions withMailboxTtl(Duration v) {
        return with(o -> o.mailboxTtl = v);
    }

    public RedisStoreOptions withCommandTimeout(Duration v) {
        return with(o -> o.commandTimeout = v);
    }

    /** The default room, canonical. */
    public RedisStoreOptions withDefaultRoom(String v) {
        return with(o -> o.defaultRoom = v);
    }

    /** A copy with some fields changed; the canonical constructor checks the result. */
    private RedisStoreOptions with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new RedisStoreOptions(d.connectionString, d.password, d.tls, d.tlsCaFile, d.poolSize, d.keyPrefix,
                d.historyMaxMessages, d.mailboxTtl, d.connectTimeout, d.commandTimeout, d.defaultRoom);
    }

    /** The fields, mutable, while a copy is being changed. */
    private static final class Draft {
        String connectionString;
        String password;
        boolean tls;
        String tlsCaFile;
        int poolSize;
        String keyPrefix;
        int historyMaxMessages;
        Duration mailboxTtl;
        Duration connectTimeout;
        Duration commandTimeout;
        String defaultRoom;

        Draft(RedisStoreOptions o) {
            connectionString = o.connectionString;
            password = o.password;
            tls = o.tls;
            tlsCaFile = o.tlsCaFile;
            poolSize = o.poolSize;
            keyPrefix = o.keyPrefix;
            historyMaxMessages = o.historyMaxMessages;
            mailboxTtl = o.mailboxTtl;
            connectTimeout = o.connectTimeout;
            commandTimeout = o.commandTimeout;
            defaultRoom = o.defaultRoom;
        }
    }

    /** The connection string without credentials, for logs and error messages. */
    public String safeConnectionString() {
        return connectionString.replaceFirst("//[^@/]*@", "//");
    }

    /** Password must not leak through logs of the options. */
    @Override
    public String toString() {
        return "RedisStoreOptions[" + safeConnectionString() + ", tls=" + tls + ", tlsCaFile=" + tlsCaFile + ", poolSize=" + poolSize
                + ", keyPrefix=" + keyPrefix + ", historyMaxMessages=" + historyMaxMessages + ", mailboxTtl=" + mailboxTtl
                + ", connectTimeout=" + connectTimeout + ", commandTimeout=" + commandTimeout + ", defaultRoom=" + defaultRoom + "]";
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
    }
}
