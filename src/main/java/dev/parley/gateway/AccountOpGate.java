package dev.parley.gateway;

import java.util.ArrayDeque;

/**
 * Registers and logins under way on one gateway instance, at most {@code max} at once; the others wait their
 * turn in arrival order. A reconnect storm then queues here, where waiting costs nothing, instead of in the
 * stores' and hashing pools' queues, whose timeouts turned a storm into UNAVAILABLE answers. One event loop only.
 */
final class AccountOpGate {
    /** An account operation: runs when admitted and calls {@link #done} exactly once when it is over. */
    interface Op {
        void run();
    }

    private final int max;
    private final ArrayDeque<Op> waiting = new ArrayDeque<>();
    private int running;
    /** Set while admitting, so that an operation finishing at once does not admit the next one recursively. */
    private boolean admitting;

    AccountOpGate(int max) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1: " + max);
        this.max = max;
    }

    void submit(Op op) {
        waiting.add(op);
        admit();
    }

    /** An admitted operation is over (answered, failed, or its connection went away). */
    void done() {
        if (running <= 0) throw new IllegalStateException("done() without a running operation");
        running--;
        admit();
    }

    /** Whether an operation submitted now would wait its turn. */
    boolean full() {
        return running >= max;
    }

    int running() {
        return running;
    }

    int waiting() {
        return waiting.size();
    }

    private void admit() {
        if (admitting) return;
        admitting = true;
        try {
            while (running < max && !waiting.isEmpty()) {
                running++;
                waiting.poll().run();
            }
        } finally {
            admitting = false;
        }
    }
}
