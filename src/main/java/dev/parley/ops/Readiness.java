package dev.parley.ops;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ready means users can actually chat through this node: every named check must pass. A check that
 * only proves the process is alive would hide the failures users feel (delivery silently stopped).
 */
public final class Readiness {
    private final Map<String, Supplier<Future<?>>> checks = new LinkedHashMap<>();

    public Readiness add(String name, Supplier<Future<?>> check) {
        checks.put(name, check);
        return this;
    }

    /** {"ready":bool,"checks":{name:"UP"|"DOWN: reason"}}; never fails. */
    public Future<JsonObject> evaluate() {
        JsonObject results = new JsonObject();
        Future<?>[] all = new Future<?>[checks.size()];
        int i = 0;
        for (Map.Entry<String, Supplier<Future<?>>> c : checks.entrySet()) {
            Future<?> f;
            try {
                f = c.getValue().get();
            } catch (RuntimeException e) {
                f = Future.failedFuture(e);
            }
            all[i++] = f.andThen(r -> results.put(c.getKey(), r.succeeded()
                    ? (r.result() instanceof String detail ? "UP: " + detail : "UP")
                    : "DOWN: " + r.cause().getMessage()));
        }
        return Future.join(java.util.List.of(all)).transform(done -> {
            boolean ready = results.stream().allMatch(e -> ((String) e.getValue()).startsWith("UP"));
            return Future.succeededFuture(new JsonObject().put("ready", ready).put("checks", results));
        });
    }
}
