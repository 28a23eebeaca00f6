package dev.parley.gateway;

/** Settles a race (confirmation, refusal, timeout) once: only the first caller wins. Not thread-safe: one loop only. */
final class Once {
    private boolean done;

    boolean first() {
        if (done) return false;
        done = true;
        return true;
    }
}
