package dev.parley.protocol.seed;

/** A frame body that is not a seed message we can act on; the connection should be closed. */
public final class SeedProtocolException extends Exception {

    public enum Reason {
        /** The body is not strict UTF-8. */
        INVALID_UTF8,
        /** The body, or the inner JSON carried in {@code data}, is not a single JSON object. */
        BAD_JSON,
        /** The envelope's {@code type} is not one of the six seed types (matched exactly, as the original did). */
        UNKNOWN_TYPE,
        /** A field the message cannot do without is absent or null. */
        MISSING_FIELD,
        /** A field is present with the wrong JSON type, out of range, or not valid Unicode. */
        INVALID_FIELD
    }

    private final Reason reason;

    public SeedProtocolException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
