package dev.parley.cluster;

import dev.parley.config.ConfigException;
import dev.parley.config.ParleyConfig;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.internal.logging.Logger;
import io.vertx.core.internal.logging.LoggerFactory;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

import java.nio.file.Files;
import java.nio.file.Path;

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
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(c.tlsCert()).setKeyPath(c.tlsKey()))
                .setTrustOptions(new PemTrustOptions().addCertPath(c.tlsCa()))
                .setClientAuth(ClientAuth.REQUIRED)
                .setTrustAll(false);
    }

    /** Fails at start with the key's name, not deep inside Netty at the first connection. */
    private static void readable(String key, String file) {
        if (!Files.isReadable(Path.of(file))) {
            throw new ConfigException(key + ": cannot read '" + file + "' (make certificates with bin/parley-certs DIR)");
        }
    }
}
