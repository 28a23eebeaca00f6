package dev.parley.client;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** A {@link Scheduler} whose timers fire only when the test says so. */
final class ManualScheduler implements Scheduler {

    private static final class Timer {
        final long delay;
        final Runnable task;
        boolean cancelled;
        boolean fired;

        Timer(long delay, Runnable task) {
            this.delay = delay;
            this.task = task;
        }
    }

    private final List<Timer> timers = new ArrayList<>();

    @Override
    public Runnable schedule(long delayMillis, Runnable task) {
        Timer timer = new Timer(delayMillis, task);
        timers.add(timer);
        return () -> timer.cancelled = true;
    }

    /** Delays of the timers still waiting, in the order they were set. */
    List<Long> waiting() {
        return timers.stream().filter(t -> !t.cancelled && !t.fired).map(t -> t.delay).toList();
    }

    /** The shortest waiting delay other than {@code except}, i.e. the reconnect timer next to reply timeouts. */
    OptionalLong waitingOtherThan(long except) {
        return waiting().stream().filter(d -> d != except).mapToLong(Long::longValue).min();
    }

    /** Fires every waiting timer with this delay; returns how many fired. */
    int fire(long delay) {
        int fired = 0;
        for (Timer timer : List.copyOf(timers)) {
            if (!timer.cancelled && !timer.fired && timer.delay == delay) {
                timer.fired = true;
                timer.task.run();
                fired++;
            }
        }
        return fired;
    }
}
