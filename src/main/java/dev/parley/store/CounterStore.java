package dev.parley.store;

import io.vertx.core.Future;

import java.util.List;

/**
 * Counts attempts per key in fixed windows: the memory of the rate limits. On a shared backend every node
 * sees the same counts, so a limit holds for the whole cluster, not per node.
 */
public interface CounterStore {
    /** One counter: at most {@code max} counts per window of {@code windowMillis} from its first count; max 0 = count only. */
    record Limit(String key, long max, long windowMillis) {
    }

    /**
     * @param refusedBy index of the first limit that refused, or -1 when the attempt was counted
     * @param counts    each key's count after the call (including this attempt when admitted)
     */
    record Admission(int refusedBy, long[] counts) {
        public boolean admitted() {
            return refusedBy < 0;
        }
    }

    /**
     * Atomically, as one step against concurrent callers on any node: when every key is below its max, counts
     * one on each; otherwise counts nothing.
     */
    Future<Admission> acquire(List<Limit> limits);

    /** Gives back one count on each key that still has one (an attempt that should not count after all). */
    Future<Void> release(List<String> keys);
}
