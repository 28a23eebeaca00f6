package dev.parley.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Connects to Redis at start-up, retrying once a second and saying so each time, until it answers or
 * {@code patience} runs out; the final failure names the address and the settings that fix it.
 * A node that starts before its Redis (a common order on Kubernetes) then just waits, visibly.
 */
public final class RedisWait {
    private static final Logger LOG = LoggerFactory.getLogger(RedisWait.class);
    private static final long RETRY_MILLIS = 1000;

    private RedisWait() {
    }

    public static Future<RedisStores> connect(Vertx vertx, RedisStoreOptions options, Duration patience) {
        return connect(vertx, options, patience, System::nanoTime);
    }

    static Future<RedisStores> connect(Vertx vertx, RedisStoreOptions options, Duration patience, LongSupplier nanos) {
        Promise<RedisStores> done = Promise.promise();
        attempt(vertx, options, 1, nanos.getAsLong() + patience.toNanos(), patience, nanos, done);
        return done.future();
    }

    private static void attempt(Vertx vertx, RedisStoreOptions options, int n, long deadline, Duration patience,
                                LongSupplier nanos, Promise<RedisStores> done) {
        String where = options.safeConnectionString();
        if (n == 1) LOG.info("connecting to Redis at {}", where);
        RedisStores.connect(vertx, options).onComplete(ar -> {
            if (ar.succeeded()) {
                if (n > 1) LOG.info("Redis at {} answered after {} attempts", where, n);
                done.complete(ar.result());
                return;
            }
            String cause = ar.cause().getMessage();
            if (nanos.getAsLong() + RETRY_MILLIS * 1_000_000 >= deadline) {
                done.fail(new IllegalStateException("Redis at " + where + " did not answer within " + patience.toSeconds()
                        + " s (" + cause + "); check cluster.redis (--redis, PARLEY_CLUSTER_REDIS) and that Redis runs,"
                        + " or wait longer with cluster.redisWaitSeconds (PARLEY_CLUSTER_REDIS_WAIT_SECONDS)"));
                return;
            }
            LOG.warn("waiting for Redis at {} (attempt {}): {}", where, n, cause);
            vertx.setTimer(RETRY_MILLIS, id -> attempt(vertx, options, n + 1, deadline, patience, nanos, done));
        });
    }
}
