package dev.parley.tls;

import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * TLS as the command-line tools (client, bench) connect with it: off; on, trusting the JVM's trust
 * store or one CA file; or on and trusting anything (--insecure, for tests against self-signed nodes).
 * The server's host name is verified whenever the certificate is.
 */
public record ClientTls(boolean enabled, boolean insecure, String caFile) {
    public static final ClientTls OFF = new ClientTls(false, false, null);
    /** The TLS chat port's default (server.tlsPort), used when --tls is given without --port. */
    public static final int DEFAULT_PORT = 8890;
    public static final String INSECURE_WARNING =
            "warning: --insecure: the server's certificate is not checked; anyone between you and it can read your password";

    /** From the flags; --ca and --insecure imply --tls. Throws IllegalArgumentException for a contradiction. */
    public static ClientTls of(boolean tls, boolean insecure, String caFile) {
        if (insecure && caFile != null) throw new IllegalArgumentException("--insecure and --ca contradict each other; give one");
        if (caFile != null && caFile.isBlank()) throw new IllegalArgumentException("--ca needs a file");
        boolean on = tls || insecure || caFile != null;
        return on ? new ClientTls(true, insecure, caFile) : OFF;
    }

    public NetClientOptions apply(NetClientOptions options) {
        if (!enabled) return options;
        options.setSsl(true);
        if (insecure) return options.setTrustAll(true).setHostnameVerificationAlgorithm("");
        options.setHostnameVerificationAlgorithm("HTTPS");
        if (caFile != null) options.setTrustOptions(new PemTrustOptions().addCertPath(caFile));
        return options;
    }
}
