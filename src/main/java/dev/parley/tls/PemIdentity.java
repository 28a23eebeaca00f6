package dev.parley.tls;

import dev.parley.config.ConfigException;
import dev.parley.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The node's TLS identity as read from its PEM files: the certificate chain and its private key, held
 * as bytes so that a reload compares and applies contents, not paths. Reading blocks: call it on a worker.
 */
public final class PemIdentity {
    static final String CERT_KEY = "server.tlsCert";
    static final String KEY_KEY = "server.tlsKey";

    private final byte[] cert;
    private final byte[] key;
    private final X509Certificate leaf;

    private PemIdentity(byte[] cert, byte[] key, X509Certificate leaf) {
        this.cert = cert;
        this.key = key;
        this.leaf = leaf;
    }

    /**
     * Reads server.tlsCert and server.tlsKey once, when set, so that a bad pair fails the start before anything
     * runs (in a cluster, before joining it). Fails with the {@link ConfigException} of {@link #read}.
     */
    public static Future<Void> check(ParleyConfig.Server server) {
        if (!server.tlsEnabled()) return Future.succeededFuture();
        try {
            read(Path.of(server.tlsCert()), Path.of(server.tlsKey()));
            return Future.succeededFuture();
        } catch (ConfigException e) {
            return Future.failedFuture(e);
        }
    }

    /** Reads and checks both files; a problem is a {@link ConfigException} naming the setting at fault. */
    public static PemIdentity read(Path certFile, Path keyFile) {
        byte[] cert = readFile(CERT_KEY, certFile);
        byte[] key = readFile(KEY_KEY, keyFile);
        X509Certificate leaf = leaf(certFile, cert);
        String keyText = new String(key, StandardCharsets.US_ASCII);
        if (!keyText.contains("PRIVATE KEY-----")) {
            throw new ConfigException(KEY_KEY + ": " + keyFile + " is not a PEM private key (no '-----BEGIN ... PRIVATE KEY-----')");
        }
        if (keyText.contains("-----BEGIN EC PRIVATE KEY-----")) {
            // Vert.x takes such a key at listen time and then fails every handshake: refuse it up front.
            throw new ConfigException(KEY_KEY + ": " + keyFile + " is a SEC1 EC key ('BEGIN EC PRIVATE KEY'), which the TLS"
                    + " library cannot use; convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in " + keyFile + " -out tls.key");
        }
        if (keyText.contains("ENCRYPTED PRIVATE KEY")) {
            throw new ConfigException(KEY_KEY + ": " + keyFile + " is encrypted; give an unencrypted PKCS#8 key"
                    + " (protect the file instead, e.g. a Kubernetes Secret mounted 0440)");
        }
        PrivateKey pkcs8 = pkcs8(keyText);
        // A half-rotated pair (new certificate, old key) would fail every handshake: refuse it here.
        if (pkcs8 != null && !matches(pkcs8, leaf)) {
            throw new ConfigException(KEY_KEY + ": " + keyFile + " is not the private key of the certificate in " + CERT_KEY + " (" + certFile + ")");
        }
        return new PemIdentity(cert, key, leaf);
    }

    public ServerSSLOptions sslOptions() {
        return new ServerSSLOptions().setKeyCertOptions(keyCertOptions());
    }

    public PemKeyCertOptions keyCertOptions() {
        return new PemKeyCertOptions().setCertValue(Buffer.buffer(cert)).setKeyValue(Buffer.buffer(key));
    }

    /** The first certificate of the chain: the one presented to clients. */
    public X509Certificate leaf() {
        return leaf;
    }

    /** Same files' contents: nothing to reload. */
    public boolean sameAs(PemIdentity other) {
        return other != null && Arrays.equals(cert, other.cert) && Arrays.equals(key, other.key);
    }

    /** For logs: serial, subject, expiry and SHA-256 fingerprint of the leaf certificate. */
    public String describe() {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded()));
            return "serial " + leaf.getSerialNumber().toString(16) + ", " + leaf.getSubjectX500Principal().getName()
                    + ", expires " + leaf.getNotAfter().toInstant() + ", sha256 " + sha.substring(0, 16) + "...";
        } catch (GeneralSecurityException e) {
            return "serial " + leaf.getSerialNumber().toString(16);
        }
    }

    private static byte[] readFile(String setting, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw new ConfigException(setting + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static X509Certificate leaf(Path file, byte[] pem) {
        if (!new String(pem, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
            throw new ConfigException(CERT_KEY + ": " + file + " is not a PEM certificate (no '-----BEGIN CERTIFICATE-----')");
        }
        try {
            var certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            if (certs.isEmpty()) throw new ConfigException(CERT_KEY + ": " + file + " holds no certificate");
            return (X509Certificate) certs.iterator().next();
        } catch (GeneralSecurityException e) {
            throw new ConfigException(CERT_KEY + ": " + file + " is not a readable certificate (" + e.getMessage() + ")");
        }
    }

    /** The key if it is unencrypted PKCS#8 (what bin/parley-certs and cert-manager write); other formats are left to Vert.x. */
    private static PrivateKey pkcs8(String pem) {
        String begin = "-----BEGIN PRIVATE KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf("-----END PRIVATE KEY-----");
        if (from < 0 || to < from) return null;
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(KEY_KEY + ": the private key is not valid base64");
        }
        for (String algorithm : new String[]{"EC", "RSA", "Ed25519", "EdDSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException ignored) {
                // try the next algorithm
            }
        }
        throw new ConfigException(KEY_KEY + ": unsupported or corrupt private key");
    }

    private static boolean matches(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(cert.getPublicKey());
            verify.update(probe);
            return verify.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
