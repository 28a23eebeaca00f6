package dev.parley.service;

import java.util.function.Consumer;

/** What the bus counts for this node's metrics: failed dependencies and dropped bodies. */
public interface BusMetrics {
    /** A service's dependency (the store, another service) failed a request: answered UNAVAILABLE. */
    void dependencyFailed();

    /** A consumer dropped a body that was not of its message's shape. */
    void invalidBody(String consumer);

    /** Counts nothing (unit tests). */
    BusMetrics NONE = of(() -> { }, consumer -> { });

    static BusMetrics of(Runnable dependencyFailed, Consumer<String> invalidBody) {
        return new BusMetrics() {
            @Override
            public void dependencyFailed() {
                dependencyFailed.run();
            }

            @Override
            public void invalidBody(String consumer) {
                invalidBody.accept(consumer);
            }
        };
    }
}
