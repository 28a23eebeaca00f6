/**
 * The original Go chat room's length-prefixed protocol, pure: {@link dev.parley.protocol.seed.SeedFrameDecoder}
 * splits frames, {@link dev.parley.protocol.seed.SeedCodec} reads and writes its six messages
 * ({@link dev.parley.protocol.seed.SeedMessage}), {@link dev.parley.protocol.seed.SeedTranslator} maps them onto
 * Parley's requests and events. Specification: docs/protocol.md#seed-protocol.
 */
package dev.parley.protocol.seed;
