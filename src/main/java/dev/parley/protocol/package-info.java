/**
 * The wire protocols, pure (no Vert.x, no sockets): {@link dev.parley.protocol.LineDecoder} splits lines,
 * {@link dev.parley.protocol.JsonRequestParser} and {@link dev.parley.protocol.TextRequestParser} turn them into
 * {@link dev.parley.protocol.Request}s, {@link dev.parley.protocol.JsonLineEncoder} and
 * {@link dev.parley.protocol.TextLineEncoder} write replies and events; {@link dev.parley.protocol.ChatError} and
 * {@link dev.parley.protocol.ByeReason} are the error catalogue. The seed protocol is in {@code protocol.seed}.
 */
package dev.parley.protocol;
