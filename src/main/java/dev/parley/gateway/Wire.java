package dev.parley.gateway;

/**
 * One connection's way out, in order, with its pending output bounded ({@link Outbox} on a socket;
 * a small fake in tests).
 */
interface Wire {
    /** Queues bytes; false when the pending output is over its bound or there is no memory for it. */
    boolean write(byte[] bytes);

    /** Runs {@code action} once everything queued so far was handed to the socket. */
    void afterWrites(Runnable action);

    /** Queues the last bytes, then closes once they are out (or after a grace period). */
    void writeAndClose(byte[] last);

    /** Closes now, dropping unsent output (for peers that stopped reading). */
    void abort(byte[] last);

    /** Output handed on in earlier turns and still not taken by the peer (bytes). */
    long backlogBytes();

    /** Memory held for this connection's output. */
    long memoryBytes();
}
