package dev.parley.store.redis;

import java.time.Duration;
import java.util.Objects;

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
 */
public record RedisStoreOptions(String connectionString, String password, boolean tls, String tlsCaFile, int poolSize,
                                String keyPrefix, int historyMaxMessages, Duration mailboxTtl,
                                Duration connectTimeout, Duration commandTimeout) {
    public static final String DEFAULT_PREFIX = "parley:";

    public RedisStoreOptions {
        Objects.requireNonNull(connectionString, "connectionString");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (poolSize < 1) throw new IllegalArgumentException("poolSize must be at least 1");
        if (historyMaxMessages < 1) throw new IllegalArgumentException("historyMaxMessages must be at least 1");
        requirePositive(mailboxTtl, "mailboxTtl");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(commandTimeout, "commandTimeout");
    }

    /** Defaults matching conf/parley.yaml (10 000 history messages, 30-day mailboxes). */
    public static RedisStoreOptions of(String connectionString) {
        return new RedisStoreOptions(connectionString, null, false, null, 8, DEFAULT_PREFIX, 10_000, Duration.ofDays(30),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    public RedisStoreOptions withPassword(String v) {
        return new RedisStoreOptions(connectionString, v, tls, tlsCaFile, poolSize, keyPrefix, historyMaxMessages, mailboxTtl, connectTimeout, commandTimeout);
    }

    public RedisStoreOptions withTls(boolean v) {
        return new RedisStoreOptions(connectionString, password, v, tlsCaFile, poolSize, keyPrefix, historyMaxMessages, mailboxTtl, connectTimeout, commandTimeout);
    }

    public RedisStoreOptions withTlsCaFile(String v) {
        return new RedisStoreOptions(connectionString, password, tls, v, poolSize, keyPrefix, historyMaxMessages, mailboxTtl, connectTimeout, commandTimeout);
    }

    public RedisStoreOptions withPoolSize(int v) {
        return new RedisStoreOptions(connectionString, password, tls, tlsCaFile, v, keyPrefix, historyMaxMessages, mailboxTtl, connectTimeout, commandTimeout);
    }

    public RedisStoreOptions withKeyPrefix(String v) {
        return new RedisStoreOptions(connectionString, password, tls, tlsCaFile, poolSize, v, historyMaxMessages, mailboxTtl, connectTimeout, commandTimeout);
    }

    public RedisStoreOptions withHistoryMaxMessages(int v) {
        return new RedisStoreOptions(connectionString, password, tls, tlsCaFile, poolSize, keyPrefix, v, mailboxTtl, connectTimeout, commandTimeout);
    }

    public RedisStoreOptions withMailboxTtl(Duration v) {
        return new RedisStoreOptions(connectionString, password, tls, tlsCaFile, poolSize, keyPrefix, historyMaxMessages, v, connectTimeout, commandTimeout);
    }

    public RedisStoreOptions withCommandTimeout(Duration v) {
        return new RedisStoreOptions(connectionString, password, tls, tlsCaFile, poolSize, keyPrefix, historyMaxMessages, mailboxTtl, connectTimeout, v);
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
                + ", connectTimeout=" + connectTimeout + ", commandTimeout=" + commandTimeout + "]";
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
    }
}
