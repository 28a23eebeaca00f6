package dev.parley.protocol.seed;

/** Why {@link SeedFrameDecoder} gave up on a connection's byte stream. */
public enum SeedDecodeError {
    /** A header announced an empty body; no valid envelope is empty, and the stock client never sends one. */
    ZERO_LENGTH,
    /** A header announced a body above the configured maximum. */
    TOO_LARGE
}
