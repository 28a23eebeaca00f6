package dev.parley.ops;

import dev.parley.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The HTTP operations port, separate from the chat port: liveness, readiness, Prometheus metrics.
 * Checks never block the event loop: each is an asynchronous round trip.
 */
public final class OpsVerticle extends VerticleBase {
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    public static final String METRICS = "/metrics";

    private final ParleyConfig.Ops config;
    private final ParleyMetrics metrics;
    private final Readiness readiness;
    private HttpServer server;

    public OpsVerticle(ParleyConfig.Ops config, ParleyMetrics metrics, Readiness readiness) {
        this.config = config;
        this.metrics = metrics;
        this.readiness = readiness;
    }

    @Override
    public Future<?> start() {
        server = vertx.createHttpServer().requestHandler(this::handle);
        return server.listen(config.port(), config.host()).recover(t -> Future.failedFuture(
                t instanceof java.net.BindException || String.valueOf(t.getMessage()).contains("in use")
                        ? new IllegalStateException("ops port " + config.port() + " is in use: set --ops-port or "
                        + "PARLEY_OPS_PORT (ops.port), 0 picks a free port", t)
                        : new IllegalStateException("ops port " + config.host() + ":" + config.port() + " (ops.port): " + t, t)));
    }

    public int actualPort() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest req) {
        switch (req.path()) {
            case LIVE -> req.response().putHeader("content-type", "application/json")
                    .end(new JsonObject().put("status", "UP").encode());
            case READY -> readiness.evaluate().onSuccess(result -> req.response()
                    .setStatusCode(result.getBoolean("ready") ? 200 : 503)
                    .putHeader("content-type", "application/json")
                    .end(result.encode()));
            case METRICS -> vertx.executeBlocking(metrics::scrape, false).onComplete(text -> {
                if (text.succeeded()) {
                    req.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(text.result());
                } else {
                    req.response().setStatusCode(500).end();
                }
            });
            default -> req.response().setStatusCode(404).end();
        }
    }
}
