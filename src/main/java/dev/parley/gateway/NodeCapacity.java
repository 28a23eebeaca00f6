package dev.parley.gateway;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Whether this node can still accept users: a node out of connection slots or file descriptors is
 * alive but must not be sent more traffic (readiness), or a login takes seconds while it says ready.
 */
public final class NodeCapacity {
    private final IntSupplier connections;
    private final int maxConnections;
    private final LongSupplier openFiles;
    private final LongSupplier maxFiles;

    /** @param openFiles open file descriptors, or a negative number when the platform does not say */
    public NodeCapacity(IntSupplier connections, int maxConnections, LongSupplier openFiles, LongSupplier maxFiles) {
        this.connections = connections;
        this.maxConnections = maxConnections;
        this.openFiles = openFiles;
        this.maxFiles = maxFiles;
    }

    /** The JVM's own descriptor counts (Unix); reading them lists /proc/self/fd, so call it off the event loop. */
    public static NodeCapacity of(IntSupplier connections, int maxConnections) {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return new NodeCapacity(connections, maxConnections, unix::getOpenFileDescriptorCount,
                    unix::getMaxFileDescriptorCount);
        }
        return new NodeCapacity(connections, maxConnections, () -> -1, () -> -1);
    }

    /** Near the limit: the last 5 % (at least one slot; for files at least 64, kept for the store and the cluster). */
    static long reserve(long max, long atLeast) {
        return Math.max(atLeast, max / 20);
    }

    /**
     * @return a summary when there is room
     * @throws IllegalStateException saying which budget is nearly exhausted
     */
    public String check() {
        int n = connections.getAsInt();
        if (n >= maxConnections - reserve(maxConnections, 0)) {
            throw new IllegalStateException("connections " + n + " of limits.maxConnections " + maxConnections);
        }
        long open = openFiles.getAsLong();
        long max = maxFiles.getAsLong();
        if (open >= 0 && max > 0) {
            if (open >= max - reserve(max, 64)) {
                throw new IllegalStateException("open files " + open + " of " + max);
            }
            return n + " connections, " + open + " of " + max + " files";
        }
        return n + " connections";
    }
}
