/**
 * TLS material: {@link dev.parley.tls.PemIdentity} reads and checks PEM certificates and keys,
 * {@link dev.parley.tls.CertificateReloader} swaps them without restart, {@link dev.parley.tls.ClientTls}
 * is the client side's trust (CA file, JVM trust store, or insecure).
 */
package dev.parley.tls;
