package dev.parley.protocol;

/** A frame that cannot be understood; the connection gets {@link ChatError#BAD_FRAME}. */
public final class DecodeException extends Exception {
    public DecodeException(String message) {
        super(message, null, false, false);
    }
}
