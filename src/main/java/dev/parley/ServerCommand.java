package dev.parley;

import dev.parley.config.ConfigException;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.logging.Logging;
import io.vertx.core.Vertx;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code parley server}: parse flags, load configuration, start, print the address, stop on SIGTERM. */
final class ServerCommand {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ServerCommand.class);
    static final int KEEP_RUNNING = -1;

    static final String USAGE = """
            usage: java -jar parley.jar server [--config FILE] [--port N] [--data-dir DIR] [--cluster --redis URL ...]
              --config FILE    YAML file overriding the defaults (see conf/parley.yaml for every key)
              --port N         chat port (default 8889; 0 picks a free port and prints it)
              --data-dir DIR   directory of the embedded store (default ./data)
              --ops-port N     operations port: health, readiness, metrics (default 9090; 0 picks a free port)
              --cluster        join a cluster (Hazelcast event bus + Redis); needs --redis
              --redis URL      Redis for shared state, e.g. redis://127.0.0.1:6379
              --cluster-host H         address to bind and announce for Hazelcast and the event bus (default 127.0.0.1)
              --cluster-port N         Hazelcast member port (default 5701)
              --cluster-members LIST   host:port,host:port of members to join (tcp discovery)
              --cluster-name NAME      only nodes with the same name form a cluster (default parley)
              --cluster-tls-cert FILE  this node's PEM certificate for the event bus (mutual TLS, see bin/parley-certs)
              --cluster-tls-key FILE   its PEM private key
              --cluster-tls-ca FILE    PEM of the cluster CA; only certificates it signed are accepted
              --cluster-insecure       event bus without TLS (trusted networks only: anyone reaching it can forge messages)
            Every key can also be set from the environment: PARLEY_<SECTION>_<KEY>, e.g. PARLEY_SERVER_PORT.
            TLS port (8890) for users: set server.tlsCert and server.tlsKey (PEM files), e.g.
              PARLEY_SERVER_TLS_CERT=certs/node.pem PARLEY_SERVER_TLS_KEY=certs/node-key.pem (bin/parley-certs makes them);
              kill -HUP reloads them without a restart (they are also checked every server.tlsReloadSeconds).
            """;

    private ServerCommand() {
    }

    static int run(String[] args) {
        Path configFile = null;
        Map<String, Object> flags = new LinkedHashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--config" -> configFile = Path.of(value(args, ++i, "--config"));
                    case "--port" -> flags.put("server.port", value(args, ++i, "--port"));
                    case "--data-dir" -> flags.put("store.dataDir", value(args, ++i, "--data-dir"));
                    case "--cluster" -> flags.put("cluster.enabled", true);
                    case "--redis" -> flags.put("cluster.redis", value(args, ++i, "--redis"));
                    case "--cluster-host" -> flags.put("cluster.host", value(args, ++i, "--cluster-host"));
                    case "--cluster-port" -> flags.put("cluster.port", value(args, ++i, "--cluster-port"));
                    case "--cluster-members" -> flags.put("cluster.members", value(args, ++i, "--cluster-members"));
                    case "--cluster-name" -> flags.put("cluster.name", value(args, ++i, "--cluster-name"));
                    case "--cluster-tls-cert" -> flags.put("cluster.tlsCert", value(args, ++i, "--cluster-tls-cert"));
                    case "--cluster-tls-key" -> flags.put("cluster.tlsKey", value(args, ++i, "--cluster-tls-key"));
                    case "--cluster-tls-ca" -> flags.put("cluster.tlsCa", value(args, ++i, "--cluster-tls-ca"));
                    case "--cluster-insecure" -> flags.put("cluster.insecure", true);
                    case "--ops-port" -> flags.put("ops.port", value(args, ++i, "--ops-port"));
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    default -> throw new ConfigException("unknown option '" + args[i] + "'");
                }
            }
        } catch (ConfigException e) {
            System.err.println("parley: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        ParleyConfig config;
        Vertx loader = Vertx.vertx();
        try {
            config = ConfigLoader.load(loader, configFile, System::getenv, flags)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("parley: invalid configuration: " + cause.getMessage());
            return 2;
        } finally {
            loader.close();
        }
        ParleyConfig.Logging logging = config.logging();
        Logging.apply(logging.level(), logging.libraryLevel(), logging.format());
        ParleyServer server;
        try {
            // Bounded: a node that cannot start says why, instead of waiting forever (Redis has its own, logged wait).
            long patience = 60 + (config.cluster().enabled() ? config.cluster().redisWaitSeconds() : 0);
            server = ParleyServer.start(config).toCompletionStage().toCompletableFuture().get(patience, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("parley: cannot start: " + (e instanceof java.util.concurrent.TimeoutException
                    ? "not started in time" : describe(cause)));
            return 1;
        }
        String listening = "Parley listening on " + config.server().host() + ":" + server.port()
                + " (node " + server.nodeId() + ", " + (server.vertx().isNativeTransportEnabled() ? "epoll" : "nio")
                + (config.cluster().enabled() ? ", cluster " + config.cluster().name() : ", data " + Path.of(config.store().dataDir()).toAbsolutePath())
                + (server.tlsPort() > 0 ? ", tls " + config.server().host() + ":" + server.tlsPort() : "")
                + (config.irc().port() > 0 ? ", irc " + config.server().host() + ":" + config.irc().port() : "")
                + (server.tlsPort() > 0 && config.irc().tlsPort() > 0 ? ", irc-tls " + config.server().host() + ":" + config.irc().tlsPort() : "")
                + (server.opsPort() > 0 ? ", ops http" + (config.ops().tls() ? "s" : "") + "://" + config.ops().host() + ":" + server.opsPort() : "") + ")";
        // In JSON format every line on stdout is a JSON object, this one included.
        if (Logging.JSON.equals(logging.format())) LOG.info(listening);
        else System.out.println(listening);
        if (config.server().tlsEnabled()) reloadOnHangup(server);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            CompletableFuture<Void> done = server.close().toCompletionStage().toCompletableFuture();
            try {
                done.get(config.server().shutdownGraceSeconds(), TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Exiting anyway: the store is crash-safe, presence dies with the process.
            }
        }, "parley-shutdown"));
        return KEEP_RUNNING;
    }

    /** Never "null": a failure without a message is named by its type. */
    static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** {@code kill -HUP}: read the certificate files now (they are also polled, see server.tlsReloadSeconds). */
    @SuppressWarnings("restriction")
    private static void reloadOnHangup(ParleyServer server) {
        try {
            sun.misc.SignalHandler before = sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> server.reloadCertificates()
                    .onSuccess(changed -> LOG.info(changed ? "TLS certificate reloaded" : "TLS certificate files unchanged"))
                    .onFailure(t -> LOG.warn("TLS certificate not reloaded: {}", t.getMessage())));
            // A process started with SIGHUP ignored (nohup, some supervisors) keeps ignoring it: the JVM then
            // silently installs nothing, and an operator's kill -HUP would do nothing without a word.
            if (before == sun.misc.SignalHandler.SIG_IGN) {
                LOG.warn("SIGHUP is ignored by this process (started under nohup?): kill -HUP will not reload the TLS "
                        + "certificate; it is reloaded by polling only (server.tlsReloadSeconds)");
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("no SIGHUP on this platform; certificates are reloaded by polling only");
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) throw new ConfigException(flag + " needs a value");
        return args[i];
    }
}
