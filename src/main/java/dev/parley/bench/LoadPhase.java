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
            g.vertx().setTimer(Math.max(1, (long) (o.warmupSeconds * 1000)), id -> cpu.start());
            g.vertx().setTimer((long) (total * 1000) - 1, id -> cpu.stop());
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
