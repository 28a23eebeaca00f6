package dev.parley.ops;

import dev.parley.config.ListenFailure;
import dev.parley.config.ParleyConfig;
import dev.parley.tls.PemIdentity;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ServerSSLOptions;

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
    /** HTTPS with the chat port's certificate when ops.tls is on; null for plain HTTP. */
    private final PemIdentity tls;
    private HttpServer server;
    /** Everything else: the admin API when there is one (see {@link #withAdmin}). */
    private io.vertx.core.Handler<HttpServerRequest> others = req -> req.response().setStatusCode(404).end();

    public OpsVerticle(ParleyConfig.Ops config, ParleyMetrics metrics, Readiness readiness) {
        this(config, metrics, readiness, null);
    }

    public OpsVerticle(ParleyConfig.Ops config, ParleyMetrics metrics, Readiness readiness, PemIdentity tls) {
        this.config = config;
        this.metrics = metrics;
        this.readiness = readiness;
        this.tls = tls;
    }

    /** Serves {@code admin} for every path not listed above (it answers 404 for what it does not know). */
    public OpsVerticle withAdmin(io.vertx.core.Handler<HttpServerRequest> admin) {
        this.others = admin;
        return this;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions();
        if (tls != null) options.setSsl(true).setKeyCertOptions(tls.keyCertOptions());
        server = vertx.createHttpServer(options).requestHandler(this::handle);
        return server.listen(config.port(), config.host()).recover(t -> Future.failedFuture(
                ListenFailure.explain(t, "ops port", config.host(), config.port(), "ops.port", "--ops-port")));
    }

    /** Swaps the certificate (see {@link dev.parley.tls.CertificateReloader}). */
    public Future<Boolean> updateSSLOptions(ServerSSLOptions options) {
        return server.updateSSLOptions(options);
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
            default -> others.handle(req);
        }
    }
}
