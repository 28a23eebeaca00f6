package dev.parley.bench;

import dev.parley.protocol.ByeReason;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opens many logged-in sessions with a bounded number of handshakes in flight, each bounded in
 * time, and measures how fast they came up. Runs on the generator's event loop.
 */
final class Sessions {
    private final Generator generator;
    private final BenchOptions options;
    final List<LoadClient> clients = new ArrayList<>();
    final LatencyHistogram setupLatency = new LatencyHistogram();
    final LatencyHistogram connectLatency = new LatencyHistogram();
    int failures;
    String firstFailure;
    int registerErrors;
    /** Handshakes repeated because the server took the connection for a human (see LoadClient.GREETED). */
    int greetedRetries;
    private final java.util.ArrayDeque<Integer> retry = new java.util.ArrayDeque<>();
    String firstRegisterError;
    long startedNanos;
    long finishedNanos;
    private int next;
    private int lanes;
    private boolean warm;
    private int done;
    private List<String> users;
    private Consumer<LoadClient> onReady;
    private Promise<Void> all;
    /** IRC users join this channel as part of their login (the fan-out room); null: none. */
    private String channel;

    Sessions(Generator generator, BenchOptions options) {
        this.generator = generator;
        this.options = options;
    }

    /**
     * Connects and logs in every user; {@code onReady} runs for each as soon as it is in (install
     * the scenario's listener there). Completes when every attempt ended, failed ones counted.
     */
    Future<Void> open(List<String> users, Consumer<LoadClient> onReady) {
        this.users = users;
        this.onReady = onReady;
        this.all = Promise.promise();
        startedNanos = System.nanoTime();
        lanes = Math.min(options.concurrency, users.size());
        if (users.isEmpty()) all.complete();
        // One handshake alone first: a cold JVM takes long enough over its first connects that the
        // server would greet the whole first wave as humans (text protocol).
        startNext();
        long progress = generator.vertx().setPeriodic(5000, id -> System.err.printf(
                "  sessions: %d/%d in, %d failed, %d retried%n", clients.size(), users.size(), failures, greetedRetries));
        return all.future().onComplete(v -> generator.vertx().cancelTimer(progress));
    }

    /** With --proto irc: every user joins {@code channel} before it counts as in. */
    Sessions joining(String channel) {
        this.channel = channel;
        return this;
    }

    /** Where a logged-in client's lines go: {@code index} is its user number. */
    interface ClientLines {
        void onLine(int index, byte[] b, int from, int to);
    }

    /**
     * Logs every user in (within --setup-timeout), client i's lines going to {@code lines}, reports the
     * handshakes under {@code what} and lets the last logins' presence pass. Returns the clients by user
     * number, or null when someone could not log in ({@code r} failed, every session closed).
     */
    List<LoadClient> openAll(List<String> users, ClientLines lines, BenchResult r, String what) {
        List<LoadClient> byIndex = new ArrayList<>(java.util.Collections.nCopies(users.size(), (LoadClient) null));
        generator.call(() -> open(users, c -> {
            byIndex.set(c.index, c);
            c.listen((b, from, to) -> lines.onLine(c.index, b, from, to));
        }), options.setupTimeoutSeconds);
        report(r, what);
        if (failures > 0) {
            generator.onLoop(() -> { closeAll(); return null; });
            r.fail("not every user could log in");
            return null;
        }
        generator.call(() -> generator.sleep(500), 10);
        return byIndex;
    }

    private void startNext() {
        int i;
        if (!retry.isEmpty()) i = retry.poll();
        else if (next < users.size()) i = next++;
        else return;
        LoadClient c = LoadClient.of(options, i, users.get(i), channel);
        long t0 = System.nanoTime();
        Promise<LoadClient> loggedIn = Promise.promise();
        long timer = generator.vertx().setTimer((long) (options.connectTimeoutSeconds * 1000 + 60_000),
                id -> loggedIn.tryFail("no login answer within " + (options.connectTimeoutSeconds + 60) + " s"));
        generator.connect(i).onSuccess(s -> {
                    connectLatency.record(System.nanoTime() - t0);
                    c.start(s, loggedIn);
                }).onFailure(t -> loggedIn.tryFail("connect: " + t.getMessage()));
        loggedIn.future().onComplete(r -> {
            generator.vertx().cancelTimer(timer);
            if (c.registerError != null) {
                registerErrors++;
                if (firstRegisterError == null) firstRegisterError = c.registerError;
            }
            if (r.succeeded()) {
                setupLatency.record(System.nanoTime() - t0);
                clients.add(c);
                onReady.accept(c);
            } else if (LoadClient.GREETED.equals(r.cause().getMessage()) && greetedRetries < 10 + users.size() / 10) {
                greetedRetries++;
                c.close();
                retry.add(i);
                startNext();
                return;
            } else {
                failures++;
                if (firstFailure == null) firstFailure = users.get(i) + ": " + r.cause().getMessage();
                c.close();
            }
            if (++done == users.size()) {
                finishedNanos = System.nanoTime();
                all.complete();
            } else if (!warm) {
                warm = true;
                for (int k = 0; k < lanes; k++) startNext();
            } else {
                startNext();
            }
        });
    }

    double seconds() {
        return (finishedNanos - startedNanos) / 1e9;
    }

    int closedByServer() {
        int n = 0;
        for (LoadClient c : clients) if (c.closedByServer()) n++;
        return n;
    }

    String firstBye() {
        for (LoadClient c : clients) {
            String bye = c.lastBye();
            if (bye == null) continue;
            // One generator address opens every connection: the server's per-address cap must not apply.
            return bye.contains(ByeReason.TOO_MANY_CONNECTIONS.name())
                    ? bye + " (start the server with PARLEY_LIMITS_EXEMPT_ADDRESSES=<this machine's address>)" : bye;
        }
        return null;
    }

    long bytesReceived() {
        long n = 0;
        for (LoadClient c : clients) n += c.bytesReceived();
        return n;
    }

    void closeAll() {
        for (LoadClient c : clients) c.close();
    }

    /** Adds the handshake figures and failures to a result. */
    void report(BenchResult r, String what) {
        r.metric(what + " sessions", clients.size(), "");
        r.metric(what + " setup time", seconds(), "s");
        r.metric(what + " setup rate", clients.size() / Math.max(1e-9, seconds()), "sessions/s");
        r.metric(what + " TCP connect p50", connectLatency.percentileMillis(50), "ms");
        r.metric(what + " TCP connect p99", connectLatency.percentileMillis(99), "ms");
        r.metric(what + " connect+login p50", setupLatency.percentileMillis(50), "ms");
        r.metric(what + " connect+login p99", setupLatency.percentileMillis(99), "ms");
        r.mustBeZero("login failures", failures);
        if (greetedRetries > 0) {
            r.metric("handshakes retried", greetedRetries, "");
            r.note(greetedRetries + " handshakes were retried: " + LoadClient.GREETED);
        }
        if (firstFailure != null) r.note("first login failure: " + firstFailure);
        if (registerErrors > 0) r.note(registerErrors + " register errors, first: " + firstRegisterError);
    }
}
