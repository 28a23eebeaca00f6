package dev.parley.store.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

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

    private Future<Response> run(Command command, String scriptOrSha, List<String> keys, String... args) {
        Request req = Request.cmd(command).arg(scriptOrSha).arg(keys.size());
        for (String k : keys) req.arg(k);
        for (String a : args) req.arg(a);
        return redis.send(req).timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    Future<Void> close() {
        return redis.close();
    }

    static String str(Response r) {
        return r == null ? null : r.toString();
    }
}
