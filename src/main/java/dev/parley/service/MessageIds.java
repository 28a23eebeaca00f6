package dev.parley.service;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Message ids unique across nodes and restarts: time, a per-process random prefix, a counter. */
public final class MessageIds {
    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public MessageIds() {
        this.prefix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
    }

    public String next(long ts) {
        return Long.toString(ts, 36) + "-" + prefix + "-" + Long.toString(counter.incrementAndGet(), 36);
    }
}
