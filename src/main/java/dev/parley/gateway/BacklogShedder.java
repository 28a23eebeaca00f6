package dev.parley.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * One per gateway instance: while the node is over its output budget, drops this instance's readers
 * with the largest unread backlog (bye SLOW_CONSUMER) until the node is 10 % under it. Readers that
 * keep up have no backlog and are never chosen. Runs on the instance's event loop.
 */
final class BacklogShedder {
    private final OutputBudget budget;
    private final Collection<Connection> connections;
    /** Runs a task after the current ones on this event loop (the end of the turn). */
    private final Consumer<Runnable> later;
    /** Shedding ran in this turn; it runs again in the same turn only if output grew by 5 % of the budget since. */
    private boolean shedThisTurn;
    private long shedAgainAt;

    BacklogShedder(OutputBudget budget, Collection<Connection> connections, Consumer<Runnable> later) {
        this.budget = budget;
        this.connections = connections;
        this.later = later;
    }

    /**
     * Cheap when under budget (one read); when the bytes are held by another instance's connections,
     * it does not rescan on every write.
     */
    void shedIfOver() {
        if (!budget.over() || shedThisTurn && budget.pending() < shedAgainAt) return;
        if (!shedThisTurn) {
            shedThisTurn = true;
            later.accept(() -> shedThisTurn = false);
        }
        // Readers that keep up take this turn's bytes into the kernel now; what remains is real backlog.
        FlushBatcher.current().flushNow();
        if (!budget.over()) return;
        List<Connection> backlog = new ArrayList<>();
        for (Connection c : connections) {
            if (!c.closed() && c.backlogBytes() > 0) backlog.add(c);
        }
        backlog.sort((a, b) -> Long.compare(b.backlogBytes(), a.backlogBytes()));
        // Count down ourselves: a dropped connection's queued buffers leave the budget as Netty fails them.
        long left = budget.pending();
        for (Connection c : backlog) {
            if (left <= budget.target()) break;
            left -= c.memoryBytes();
            c.slowConsumer();
        }
        shedAgainAt = left + budget.max() / 20;
    }
}
