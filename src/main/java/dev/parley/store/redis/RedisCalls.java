package dev.parley.store.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one way the stores talk to Redis: pooled commands with a time bound. Each command borrows a pooled
 * connection, so a Redis restart costs the commands in flight and later ones reconnect by themselves.
 */
final class RedisCalls {
    private final Redis redis;
    private final long timeoutMillis;

    RedisCalls(Redis redis, long timeoutMillis) {
        this.redis = redis;
        this.timeoutMillis = timeoutMillis;
    }

    /** The reply, or null for a nil reply; a Redis error reply fails the future. */
    Future<Response> send(Command command, String... args) {
        return redis.send(cmd(command, args)).timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Several independent commands in one round trip (pipelined on one pooled connection, no MULTI: each
     * runs on its own, in order); the replies in the same order.
     */
    Future<List<Response>> batch(List<Request> commands) {
        return redis.batch(commands).timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    static Request cmd(Command command, String... args) {
        Request req = Request.cmd(command);
        for (String a : args) req.arg(a);
        return req;
    }

    Future<Response> eval(LuaScript script, List<String> keys, String... args) {
        return run(Command.EVALSHA, script.sha, keys, args).recover(t -> {
            String msg = t.getMessage();
            if (msg == null || !msg.startsWith("NOSCRIPT")) return Future.failedFuture(t);
            return run(Command.EVAL, script.source, keys, args);
        });
    }

    /**
     * {@code script}, then {@code next}, in one round trip; their two replies (null for nil). A Redis that lost the
     * script (restarted) gets it sent in full, then {@code next}: two round trips, once.
     */
    Future<List<Response>> evalThen(LuaScript script, List<String> keys, List<String> args, Request next) {
        String[] a = args.toArray(String[]::new);
        return batch(List.of(scriptCall(Command.EVALSHA, script.sha, keys, a), next)).recover(t -> {
            // A batch names the failed command first: "ERR [0] NOSCRIPT ...".
            String msg = t.getMessage();
            if (msg == null || !msg.contains("NOSCRIPT")) return Future.failedFuture(t);
            return run(Command.EVAL, script.source, keys, a)
                    .compose(first -> batch(List.of(next)).map(r -> Arrays.asList(first, r.get(0))));
        });
    }

    private static Request scriptCall(Command command, String scriptOrSha, List<String> keys, String... args) {
        Request req = Request.cmd(command).arg(scriptOrSha).arg(keys.size());
        for (String k : keys) req.arg(k);
        for (String a : args) req.arg(a);
        return req;
    }

    private Future<Response> run(Command command, String scriptOrSha, List<String> keys, String... args) {
        return redis.send(scriptCall(command, scriptOrSha, keys, args)).timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    Future<Void> close() {
        return redis.close();
    }

    static String str(Response r) {
        return r == null ? null : r.toString();
    }
}
