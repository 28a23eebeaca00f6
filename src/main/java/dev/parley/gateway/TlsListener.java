package dev.parley.gateway;

import dev.parley.config.ListenFailure;
import dev.parley.tls.PemIdentity;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/**
 * The gateway's TLS front door: the plain port's options and connect handler behind a TLS handshake,
 * so every protocol (first-byte detection included) works the same. Vert.x hands a socket over only
 * after the handshake; its SslHandler sits before the gateway's handler in the pipeline, so
 * {@link Outbox}'s direct context writes are encrypted too.
 */
final class TlsListener {
    private TlsListener() {
    }

    static NetServer create(Vertx vertx, NetServerOptions plain, int port, PemIdentity identity, Handler<NetSocket> accept) {
        NetServerOptions options = new NetServerOptions(plain)
                .setPort(port)
                .setSsl(true)
                .setKeyCertOptions(identity.keyCertOptions());
        return vertx.createNetServer(options).connectHandler(accept);
    }

    /** Listens; a failure (port taken, a key Vert.x cannot use) names the setting, as configuration errors do. */
    static Future<NetServer> listen(NetServer server, String host, int port) {
        return listen(server, "TLS port", host, port, "server.tlsPort");
    }

    /** Listens for the listener called {@code what}, configured by {@code key} (irc.tlsPort is one too). */
    static Future<NetServer> listen(NetServer server, String what, String host, int port, String key) {
        return server.listen().recover(t -> Future.failedFuture(ListenFailure.explain(t, what, host, port, key, null)));
    }
}
