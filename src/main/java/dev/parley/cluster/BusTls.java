package dev.parley.cluster;

import dev.parley.config.ConfigException;
import dev.parley.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Mutual TLS on the event bus between nodes: each node presents its certificate and accepts only peers
 * whose certificate the cluster CA signed, in both directions. A process without such a certificate can
 * neither deliver to a node nor receive what nodes send (their connection to it fails the handshake).
 * <p>
 * No hostname check: Vert.x's cluster client does not verify peer names (pod IPs change on every
 * restart anyway). Trust is "signed by the private cluster CA", so that CA must sign nothing else.
 */
public final class BusTls {
    private static final Logger LOG = LoggerFactory.getLogger(BusTls.class);

    private BusTls() {
    }

    public static void apply(ParleyConfig.Cluster c, EventBusOptions options) {
        if (!c.tls()) {
            LOG.warn("*** cluster.insecure is set: the event bus between nodes runs WITHOUT TLS. Anyone who can reach "
                    + c.host() + " can forge group, private and presence messages to every user and read them. "
                    + "Use only on a trusted network; make certificates with bin/parley-certs. ***");
            return;
        }
        readable("cluster.tlsCert", c.tlsCert());
        readable("cluster.tlsKey", c.tlsKey());
        readable("cluster.tlsCa", c.tlsCa());
        options.setSsl(true)
                .setKeyCertOptions(keyCert(c))
                .setTrustOptions(trust(c))
                .setClientAuth(ClientAuth.REQUIRED)
                .setTrustAll(false)
                // The first handshakes of a starting JVM on a busy machine are slow; a timeout drops the
                // messages waiting for that connection, a slow handshake only delays them.
                .setSslHandshakeTimeout(HANDSHAKE_TIMEOUT_SECONDS).setSslHandshakeTimeoutUnit(TimeUnit.SECONDS);
    }

    private static final long HANDSHAKE_TIMEOUT_SECONDS = 30;

    /**
     * One mutual-TLS handshake of this node with itself on loopback, before it serves anyone: proves that
     * its certificate, key and CA fit together (a wrong file fails the start, naming the keys, instead of
     * every bus connection later) and pays the first-handshake cost (crypto initialisation) up front.
     */
    public static Future<Void> selfCheck(Vertx vertx, ParleyConfig.Cluster c) {
        if (!c.tls()) return Future.succeededFuture();
        NetServer server = vertx.createNetServer(new NetServerOptions().setSsl(true).setKeyCertOptions(keyCert(c))
                .setTrustOptions(trust(c)).setClientAuth(ClientAuth.REQUIRED)
                .setSslHandshakeTimeout(HANDSHAKE_TIMEOUT_SECONDS).setSslHandshakeTimeoutUnit(TimeUnit.SECONDS));
        NetClient client = vertx.createNetClient(new NetClientOptions().setSsl(true).setKeyCertOptions(keyCert(c))
                .setTrustOptions(trust(c)).setHostnameVerificationAlgorithm("")
                .setSslHandshakeTimeout(HANDSHAKE_TIMEOUT_SECONDS).setSslHandshakeTimeoutUnit(TimeUnit.SECONDS));
        Future<Void> checked = server.connectHandler(NetSocket::close).listen(0, "127.0.0.1")
                .compose(s -> client.connect(s.actualPort(), "127.0.0.1"))
                .compose(NetSocket::close)
                .recover(t -> Future.failedFuture(new ConfigException("cluster.tlsCert: this node's certificate "
                        + c.tlsCert() + " with key " + c.tlsKey() + " is not accepted under cluster.tlsCa " + c.tlsCa()
                        + " (not signed by that CA, or the key does not match): " + t.getMessage())));
        return checked.eventually(() -> Future.join(client.close(), server.close()));
    }

    private static PemKeyCertOptions keyCert(ParleyConfig.Cluster c) {
        return new PemKeyCertOptions().setCertPath(c.tlsCert()).setKeyPath(c.tlsKey());
    }

    private static PemTrustOptions trust(ParleyConfig.Cluster c) {
        return new PemTrustOptions().addCertPath(c.tlsCa());
    }

    /** Fails at start with the key's name, not deep inside Netty at the first connection. */
    private static void readable(String key, String file) {
        if (!Files.isReadable(Path.of(file))) {
            throw new ConfigException(key + ": cannot read '" + file + "' (make certificates with bin/parley-certs DIR)");
        }
    }
}
