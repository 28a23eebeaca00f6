package dev.parley.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One chaos run: a 3-node cluster and Redis, a load of simulated users, faults until the deadline, then a
 * quiet drain (everyone logs in and collects their mail) and the checked history.
 */
final class ChaosRun {
    /** Presence must equal the truth within this long of a fault's heal (cluster.md: nodeTimeout + heartbeat, with slack for 2 loaded cores). */
    static final Duration PRESENCE_BOUND = Duration.ofSeconds(3L * ChaosCluster.NODE_TIMEOUT_SECONDS);
    private static final long DEDUP_WINDOW_MS = 300_000;
    /** Private, group, logout, takeover, send before login. */
    private static final int[] WEIGHTS = {50, 25, 6, 6, 3};

    /**
     * @param minGap with maxGap, the range of quiet time between two faults
     * @param faults the kinds of fault injected
     */
    record Settings(int nodes, int users, Duration load, long seed, Duration minGap, Duration maxGap,
                    Set<FaultInjector.Kind> faults) {
    }

    record Outcome(Verdict verdict, Duration wall, String phases, String loadAverage) {
        String summary(Settings s) {
            return "chaos run: " + s.nodes() + " nodes, " + s.users() + " users, load " + s.load().toSeconds() + " s, faults "
                    + s.faults() + ", seed "
                    + s.seed() + ", wall " + wall.toSeconds() + " s (" + phases + "), load average " + loadAverage
                    + "\n" + verdict.summary();
        }
    }

    static Outcome run(Settings s, java.util.function.Consumer<String> progress) throws Exception {
        long started = System.nanoTime();
        History history = new History();
        Random seeds = new Random(s.seed());
        StringBuilder phases = new StringBuilder();
        try (ChaosCluster cluster = ChaosCluster.start(s.nodes())) {
            phases.append("start ").append(History.now() / 1000).append(" s");
            Population population = new Population(cluster, history);
            Registration.registerAll(cluster, s.users(), s.nodes());
            long stopAt = History.now() + s.load().toMillis();
            List<SimulatedUser> users = new ArrayList<>();
            for (int i = 0; i < s.users(); i++) {
                users.add(new SimulatedUser(Registration.userName(i), i % s.nodes(), population, seeds.nextLong(), stopAt, WEIGHTS));
            }
            population.users(users);
            PresenceProbe presence = new PresenceProbe(population, PRESENCE_BOUND);
            ExecutorService threads = Executors.newFixedThreadPool(s.users() + 1);
            Throwable aborted = null;
            try {
                List<Future<?>> load = new ArrayList<>();
                for (SimulatedUser u : users) load.add(threads.submit(u));
                Future<?> progressLog = threads.submit(() -> report(history, stopAt, progress));
                new FaultInjector(cluster, population, presence, seeds.nextLong(), s.minGap().toMillis(), s.maxGap().toMillis(),
                        s.faults())
                        .run(stopAt);
                for (Future<?> f : load) f.get(2, TimeUnit.MINUTES); // every user loop ends by stopAt (plus one reply timeout)
                progressLog.cancel(true);
                phases.append(", load and faults until ").append(History.now() / 1000).append(" s");
                drain(population, presence, history);
                phases.append(", drained at ").append(History.now() / 1000).append(" s");
            } catch (Exception | AssertionError e) {
                // A long run that breaks (a node that never comes back) still reports what it saw until then.
                aborted = e;
                progress.accept("chaos run aborted at " + History.now() / 1000 + " s: " + e);
            } finally {
                threads.shutdownNow();
                for (SimulatedUser u : users) u.close();
                presence.closeObservers();
            }
            MembershipLog.read(cluster.nodeLogs(), ChaosCluster.NODE_TIMEOUT_SECONDS * 1000L).forEach(history::fault);
            HistoryDump.write(history, Path.of("target", "chaos-history.txt"));
            Verdict v = new HistoryChecker(new HistoryChecker.Bounds(s.users() + s.nodes(), s.nodes(), DEDUP_WINDOW_MS)).check(history);
            if (aborted != null) v.violation("run aborted before the drain (so mail was not collected): " + aborted);
            return new Outcome(v, Duration.ofNanos(System.nanoTime() - started), phases.toString(), LoadAverage.read());
        }
    }

    /**
     * Faults are over: every user logs in once more (a new session, as a person coming back would), so what
     * was stored for it is delivered; then presence is measured once more.
     */
    private static void drain(Population population, PresenceProbe presence, History history) throws InterruptedException {
        long until = History.now() + 60_000;
        for (SimulatedUser u : population.users()) {
            if (!u.loginAgain(until)) throw new AssertionError(u.name + " could not log in after the faults stopped");
        }
        // Stored mail arrives right after each login; a live message may still be on its way: await, bounded.
        HistoryChecker checker = new HistoryChecker(new HistoryChecker.Bounds(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE));
        long deadline = History.now() + 20_000;
        while (checker.check(history).privateLost > 0 && History.now() < deadline) Thread.sleep(200);
        presence.measure("end of faults", History.now());
    }

    /** Prints a line of figures every minute, so a long run shows where it is (and a cut-short one what it did). */
    private static void report(History history, long stopAt, java.util.function.Consumer<String> progress) {
        try {
            while (History.now() < stopAt) {
                Thread.sleep(60_000);
                long ok = history.attempts().stream().filter(a -> a.result() == History.Result.OK).count();
                progress.accept("chaos progress at " + History.now() / 1000 + " s: " + history.requests().size() + " requests, "
                        + ok + " ok, " + history.deliveries().size() + " deliveries, " + history.faults().size()
                        + " faults, load average " + LoadAverage.read());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
