package dev.parley.tls;

import dev.parley.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.vertx.core.net.ServerSSLOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Swaps the certificate of running TLS servers when its files change, without a restart: polls the
 * files' contents on a worker (Kubernetes updates a mounted Secret in place) and on demand (SIGHUP).
 * New connections get the new certificate; established ones keep their session. A pair that does not
 * load (half written, key not matching) is refused and the current one stays.
 */
public final class CertificateReloader {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

    private final Vertx vertx;
    private final Path certFile;
    private final Path keyFile;
    private final List<Function<ServerSSLOptions, Future<Boolean>>> servers = new CopyOnWriteArrayList<>();
    private volatile PemIdentity current;
    private long timer = -1;
    /** The last reload problem, so that polling bad files warns once per problem, not every few seconds. */
    private volatile String lastProblem;

    public CertificateReloader(Vertx vertx, Path certFile, Path keyFile, PemIdentity loaded) {
        this.vertx = vertx;
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.current = loaded;
    }

    /**
     * Watches server.tlsCert and server.tlsKey every server.tlsReloadSeconds, swapping the certificate of every
     * server given; null when TLS is off.
     */
    public static CertificateReloader watch(Vertx vertx, ParleyConfig.Server config, PemIdentity loaded,
                                            List<Function<ServerSSLOptions, Future<Boolean>>> servers) {
        if (!config.tlsEnabled()) return null;
        CertificateReloader reloader = new CertificateReloader(vertx, Path.of(config.tlsCert()), Path.of(config.tlsKey()), loaded);
        servers.forEach(reloader::add);
        reloader.start(config.tlsReloadSeconds());
        return reloader;
    }

    /** A server to update, e.g. {@code netServer::updateSSLOptions}. */
    public CertificateReloader add(Function<ServerSSLOptions, Future<Boolean>> server) {
        servers.add(server);
        return this;
    }

    /** Checks the files every {@code seconds} (0 = never; then only {@link #reload()} does). */
    public synchronized void start(int seconds) {
        if (seconds > 0 && timer < 0) timer = vertx.setPeriodic(seconds * 1000L, id -> reload());
    }

    public synchronized void stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
        timer = -1;
    }

    public PemIdentity current() {
        return current;
    }

    /** Reads the files (on a worker) and applies them if they changed; true when a new certificate is in use. */
    public Future<Boolean> reload() {
        return vertx.executeBlocking(() -> PemIdentity.read(certFile, keyFile), false)
                .compose(read -> read.sameAs(current) ? Future.succeededFuture(false) : apply(read))
                .onComplete(this::report);
    }

    private void report(io.vertx.core.AsyncResult<Boolean> outcome) {
        if (outcome.succeeded()) {
            lastProblem = null;
            return;
        }
        String problem = String.valueOf(outcome.cause().getMessage());
        if (!problem.equals(lastProblem)) LOG.warn("TLS certificate not reloaded, the current one stays: " + problem);
        lastProblem = problem;
    }

    private Future<Boolean> apply(PemIdentity next) {
        List<Future<Boolean>> updates = new ArrayList<>();
        for (Function<ServerSSLOptions, Future<Boolean>> s : servers) updates.add(s.apply(next.sslOptions()));
        return Future.all(updates).map(v -> {
            current = next;
            LOG.info("TLS certificate reloaded: " + next.describe());
            return true;
        });
    }
}
