package dev.parley.bench;

import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.List;

/**
 * Login rate at the server's password KDF cost: C lanes, each connecting, logging in, hanging up
 * and starting over, for the duration. The KDF cost is the server's setting, passed in with
 * --kdf-iterations so the report says what the rate was measured at.
 */
final class LoginsScenario {
    private final BenchOptions o;
    private final Generator g;
    private final LatencyHistogram latency = new LatencyHistogram();
    private long measureFrom;
    private long measureTo;
    private long windowLogins;
    private long total;
    private long failures;
    /** Logins repeated because the server took the connection for a human (see LoadClient.GREETED). */
    private long greeted;
    private String firstFailure;

    LoginsScenario(BenchOptions o, Generator g) {
        this.o = o;
        this.g = g;
    }

    BenchResult run() {
        int lanes = o.connections;
        BenchResult r = new BenchResult("logins").param("lanes", lanes)
                .param("kdf iterations", o.kdfIterations > 0 ? o.kdfIterations : "unknown (pass --kdf-iterations)")
                .param("duration", o.durationSeconds).param("warmup", o.warmupSeconds);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < lanes; i++) users.add(o.user("l", i));
        // Registering (a KDF each) and a first login: not part of the measurement.
        Sessions setup = new Sessions(g, o);
        g.call(() -> setup.open(users, c -> {
        }), o.setupTimeoutSeconds);
        g.onLoop(() -> { setup.closeAll(); return null; });
        if (setup.failures > 0) {
            setup.report(r, "setup");
            return r.fail("could not register and log in the users");
        }
        double total = o.warmupSeconds + o.durationSeconds;
        ProcStatus.CpuWindow cpu = new ProcStatus.CpuWindow(o.serverPids);
        g.call(() -> {
            long start = System.nanoTime();
            g.vertx().setTimer(Math.max(1, (long) (o.warmupSeconds * 1000)), id -> cpu.start());
            g.vertx().setTimer((long) (total * 1000) - 1, id -> cpu.stop());
            measureFrom = start + (long) (o.warmupSeconds * 1e9);
            measureTo = measureFrom + (long) (o.durationSeconds * 1e9);
            List<io.vertx.core.Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < lanes; i++) done.add(lane(i, users.get(i)));
            return io.vertx.core.Future.join(done).mapEmpty();
        }, total + o.connectTimeoutSeconds + 90);
        r.metric("logins", this.total, "")
                .metric("logins/s", windowLogins / o.durationSeconds, "logins/s");
        if (o.kdfIterations > 0) r.metric("kdf iterations", o.kdfIterations, "");
        r.metric("login p50", latency.percentileMillis(50), "ms")
                .metric("login p99", latency.percentileMillis(99), "ms")
                .mustBeZero("login failures", failures);
        cpu.report(r);
        if (firstFailure != null) r.note("first failure: " + firstFailure);
        if (greeted > 0) r.metric("logins retried", greeted, "").note(greeted + " logins retried: " + LoadClient.GREETED);
        r.note("one login = connect, login (the server runs the KDF once), hang up; latency is connect to login reply");
        return r;
    }

    /** Logs {@code user} in over fresh connections until the measurement ends. */
    private io.vertx.core.Future<Void> lane(int i, String user) {
        Promise<Void> finished = Promise.promise();
        loop(i, user, finished);
        return finished.future();
    }

    private void loop(int i, String user, Promise<Void> finished) {
        if (System.nanoTime() >= measureTo) {
            finished.complete();
            return;
        }
        LoadClient c = new LoadClient(i, user, o.password, false);
        long t0 = System.nanoTime();
        Promise<LoadClient> in = Promise.promise();
        long timer = g.vertx().setTimer((long) (o.connectTimeoutSeconds * 1000 + 60_000), id -> in.tryFail("timed out"));
        g.connect(i).onSuccess(s -> c.start(s, in)).onFailure(t -> in.tryFail("connect: " + t.getMessage()));
        in.future().onComplete(res -> {
            g.vertx().cancelTimer(timer);
            long now = System.nanoTime();
            c.close();
            if (res.succeeded()) {
                total++;
                if (now >= measureFrom && now < measureTo) {
                    windowLogins++;
                    latency.record(now - t0);
                }
            } else if (LoadClient.GREETED.equals(res.cause().getMessage())) {
                greeted++;
            } else {
                failures++;
                if (firstFailure == null) firstFailure = res.cause().getMessage();
            }
            loop(i, user, finished);
        });
    }
}
