package dev.parley.bench;

import java.util.function.BooleanSupplier;

/**
 * The load phase shared by the traffic scenarios: a warm-up, then the measured window, then stop.
 * Flat out ({@code --window}) keeps requests in flight; otherwise an open-loop schedule ticks every
 * millisecond. Its fields are read on the generator's event loop.
 */
final class LoadPhase {
    long startNanos;
    long measureFrom;
    long measureTo;
    boolean sending;

    /**
     * Open loop: how many requests stream {@code i} of {@code n} at {@code rate}/s is due to have sent by
     * {@code now}; the streams are staggered over one period so they do not all fire in the same millisecond.
     */
    long due(long now, double rate, int i, int n) {
        return (long) ((now - startNanos) * rate / 1e9 + (double) i / n) + 1;
    }

    /**
     * @param startWindowed puts the first {@code --window} requests in flight (flat out)
     * @param tick          sends what is due on the open-loop schedule; false once the phase is over
     */
    void run(Generator g, BenchOptions o, ProcStatus.CpuWindow cpu, Runnable startWindowed, BooleanSupplier tick) {
        double total = o.warmupSeconds + o.durationSeconds;
        g.call(() -> {
            startNanos = System.nanoTime();
            measureFrom = startNanos + (long) (o.warmupSeconds * 1e9);
            measureTo = measureFrom + (long) (o.durationSeconds * 1e9);
            sending = true;
            // Printed so a profiler can be started and stopped around the measured window.
            g.vertx().setTimer(Math.max(1, (long) (o.warmupSeconds * 1000)), id -> {
                cpu.start();
                System.err.println("  measuring: " + o.durationSeconds + " s");
            });
            g.vertx().setTimer((long) (total * 1000) - 1, id -> {
                cpu.stop();
                System.err.println("  measured");
            });
            if (o.window > 0) {
                startWindowed.run();
            } else {
                g.vertx().setPeriodic(1, id -> {
                    if (!tick.getAsBoolean()) g.vertx().cancelTimer(id);
                });
            }
            return g.sleep((long) (total * 1000)).map(v -> {
                sending = false;
                return (Void) null;
            });
        }, total + 30);
    }
}
