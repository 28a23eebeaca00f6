package dev.parley.service.presence.repair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Timers that fire only when the test says so: time in these tests is whatever the test makes it. */
final class ManualTimers implements Timers {
    record Pending(long delayMillis, Runnable action) {
    }

    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private long nextId;

    @Override
    public long after(long delayMillis, Runnable action) {
        pending.put(nextId, new Pending(delayMillis, action));
        return nextId++;
    }

    @Override
    public void cancel(long id) {
        pending.remove(id);
    }

    /** The delays of the timers waiting now, oldest first. */
    List<Long> delays() {
        return pending.values().stream().map(Pending::delayMillis).toList();
    }

    /** Fires every timer waiting now (not those they set in turn); returns how many fired. */
    int fireAll() {
        List<Pending> due = new ArrayList<>(pending.values());
        pending.clear();
        due.forEach(p -> p.action().run());
        return due.size();
    }
}
