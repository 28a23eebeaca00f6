package dev.parley.ops;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readiness as metrics, so alerts need no HTTP probe of their own: parley_ready (1 or 0) and
 * parley_ready_check{check} per check, from an evaluation every {@link #PERIOD_MS}.
 */
public final class ReadinessGauge {
    static final long PERIOD_MS = 5_000;

    private final ParleyMetrics metrics;
    private final Map<String, Double> checks = new ConcurrentHashMap<>();
    private volatile double ready;

    private ReadinessGauge(ParleyMetrics metrics) {
        this.metrics = metrics;
        metrics.gauge("parley_ready", "1 when the node passes its readiness checks (store, bus, cluster...), else 0",
                () -> ready);
    }

    /** Evaluates now and then periodically; returns the timer id. */
    public static long start(Vertx vertx, Readiness readiness, ParleyMetrics metrics) {
        ReadinessGauge g = new ReadinessGauge(metrics);
        g.evaluate(readiness);
        return vertx.setPeriodic(PERIOD_MS, id -> g.evaluate(readiness));
    }

    private void evaluate(Readiness readiness) {
        readiness.evaluate().onSuccess(this::record);
    }

    private void record(JsonObject result) {
        ready = result.getBoolean("ready") ? 1 : 0;
        result.getJsonObject("checks").forEach(e -> {
            double up = String.valueOf(e.getValue()).startsWith("UP") ? 1 : 0;
            if (checks.put(e.getKey(), up) == null) {
                metrics.gauge("parley_ready_check", "1 when this readiness check passes, else 0", "check", e.getKey(),
                        () -> checks.getOrDefault(e.getKey(), 0.0));
            }
        });
    }
}
