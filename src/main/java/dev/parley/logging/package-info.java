/**
 * The logging stack: {@link dev.parley.logging.Logging} sets levels and the node id,
 * {@code JsonLineLayout} writes JSON lines, {@link dev.parley.logging.Audit} is the audit trail (logger
 * {@code parley.audit}) and {@link dev.parley.logging.Redacted} describes the configuration with secrets hidden.
 */
package dev.parley.logging;
