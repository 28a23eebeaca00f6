package dev.parley.ops;

import dev.parley.config.ParleyConfig;
import dev.parley.logging.Audit;
import dev.parley.store.Stores;
import dev.parley.tls.PemIdentity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;

/** Starts a node's operations port with what feeds it: the readiness gauge, the store-size sampler, the admin API. */
public final class OpsPort {
    /** How often parley_store_bytes is sampled: storage grows over minutes, and scrapes come every 15 s or so. */
    private static final Duration STORE_SIZE_PERIOD = Duration.ofSeconds(15);

    private OpsPort() {
    }

    /** @param tls the certificate when the port serves HTTPS (ops.tls), else null */
    public static Future<OpsVerticle> deploy(Vertx vertx, ParleyConfig.Ops config, ParleyMetrics metrics, Audit audit,
                                             Readiness readiness, Stores stores, PemIdentity tls) {
        ReadinessGauge.start(vertx, readiness, metrics);
        OpsVerticle ops = new OpsVerticle(config, metrics, readiness, tls)
                .withAdmin(new AdminApi(vertx, config.adminToken(), audit, metrics));
        return vertx.deployVerticle(new StoreSizeSampler(stores, metrics, STORE_SIZE_PERIOD))
                .compose(sampler -> vertx.deployVerticle(ops))
                .map(id -> ops);
    }
}
