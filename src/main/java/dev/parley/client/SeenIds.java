package dev.parley.client;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids of the last private messages shown. Delivery is at-least-once: a message whose live write the
 * server could not confirm in time is also stored, and arrives again (same id) at the next login.
 */
final class SeenIds {
    private final int capacity;
    private final ArrayDeque<String> order = new ArrayDeque<>();
    private final Set<String> ids = new HashSet<>();

    SeenIds(int capacity) {
        this.capacity = capacity;
    }

    /** True the first time an id is offered (within the last {@code capacity} ids), false for a repeat. */
    boolean firstTime(String id) {
        if (!ids.add(id)) return false;
        order.addLast(id);
        if (order.size() > capacity) ids.remove(order.removeFirst());
        return true;
    }
}
