package dev.parley.gateway;

import java.util.ArrayList;

/**
 * One per event-loop thread: collects the outboxes written during the current turn and flushes each
 * once, after the loop's current I/O batch. One write(2) per connection per turn instead of one per
 * message is what lets a broadcast reach millions of deliveries per second (see PERF-NOTES).
 */
final class FlushBatcher {
    private static final ThreadLocal<FlushBatcher> CURRENT = ThreadLocal.withInitial(FlushBatcher::new);

    private final ArrayList<Outbox> dirty = new ArrayList<>();
    private boolean scheduled;

    static FlushBatcher current() {
        return CURRENT.get();
    }

    void add(Outbox outbox) {
        dirty.add(outbox);
        if (!scheduled) {
            scheduled = true;
            outbox.executor().execute(this::flushAll);
        }
    }

    /**
     * Flushes now rather than at the end of the turn (the node is over its output budget: readers that
     * keep up take their bytes into the kernel at once, and only real backlogs remain).
     */
    void flushNow() {
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flush();
        }
        dirty.clear();
    }

    private void flushAll() {
        scheduled = false;
        // flush() may not add new entries (it only flushes), so iterating by index is safe.
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flush();
        }
        dirty.clear();
        if (dirty.size() > 4096) dirty.trimToSize();
    }
}
