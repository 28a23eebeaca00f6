package dev.parley.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The load generator's engine: one Vert.x event loop holding every connection (thousands per
 * thread), so scenario state needs no locks. The calling thread only starts phases and waits for
 * them, always with a deadline.
 */
final class Generator implements AutoCloseable {
    private final BenchOptions options;
    private final Vertx vertx;
    private final Context context;
    private final List<NetClient> clients = new ArrayList<>();
    private final List<String> sourceAddresses;
    /** Which target (index into options.targets) user number i connects to; round robin unless a scenario says otherwise. */
    private java.util.function.IntUnaryOperator nodeOf;

    Generator(BenchOptions options, int connections) {
        this.options = options;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setPreferNativeTransport(true)
                .setInternalBlockingPoolSize(1));
        this.context = vertx.getOrCreateContext();
        this.sourceAddresses = options.sourceAddressesFor(connections);
        this.nodeOf = options::roundRobin;
        for (String source : sourceAddresses) {
            NetClientOptions o = options.tls.apply(new NetClientOptions()
                    .setConnectTimeout((int) (options.connectTimeoutSeconds * 1000))
                    .setTcpNoDelay(true));
            // Only bind explicitly when spreading: 127.0.0.1 alone is what the kernel picks anyway.
            if (sourceAddresses.size() > 1) o.setLocalAddress(source);
            clients.add(vertx.createNetClient(o));
        }
    }

    Vertx vertx() {
        return vertx;
    }

    List<String> sourceAddresses() {
        return sourceAddresses;
    }

    /** Places user number i on target {@code nodeOf(i)} (0 .. targets-1) for the connects that follow. */
    void assign(java.util.function.IntUnaryOperator nodeOf) {
        this.nodeOf = nodeOf;
    }

    /** The target (node number) user number {@code i} connects to. */
    int nodeOf(int i) {
        return nodeOf.applyAsInt(i);
    }

    int nodes() {
        return options.targets.size();
    }

    /** Opens connection number {@code i} to its node, from the source address its number falls on. */
    Future<NetSocket> connect(int i) {
        NetClient c = clients.get(Math.min(clients.size() - 1, i / BenchOptions.CONNECTIONS_PER_SOURCE_ADDRESS));
        BenchOptions.Target t = options.targets.get(nodeOf(i));
        return c.connect(t.port(), t.host());
    }

    /** Runs {@code action} on the generator's event loop and waits for its outcome, at most {@code seconds}. */
    <T> T call(Supplier<Future<T>> action, double seconds) {
        CompletableFuture<T> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                action.get().onComplete(r -> {
                    if (r.succeeded()) done.complete(r.result());
                    else done.completeExceptionally(r.cause());
                });
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BenchException("timed out after " + seconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BenchException be) throw be;
            throw new BenchException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }

    /** Runs {@code action} on the event loop and waits for it to return. */
    <T> T onLoop(Supplier<T> action) {
        return call(() -> Future.succeededFuture(action.get()), 30);
    }

    /** A future completed after {@code millis}, on the event loop. */
    Future<Void> sleep(long millis) {
        Promise<Void> p = Promise.promise();
        vertx.setTimer(Math.max(1, millis), id -> p.complete());
        return p.future();
    }

    /**
     * Polls {@code done} every 20 ms until it holds, or {@code progress} has not changed for
     * {@code quietSeconds}, or {@code maxSeconds} pass; completes with whether it held.
     */
    Future<Boolean> drain(Supplier<Boolean> done, Supplier<Long> progress, double quietSeconds, double maxSeconds) {
        Promise<Boolean> p = Promise.promise();
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        long[] last = {progress.get(), System.nanoTime()};
        if (done.get()) {
            p.complete(true);
            return p.future();
        }
        vertx.setPeriodic(20, id -> {
            long now = System.nanoTime();
            long v = progress.get();
            if (v != last[0]) {
                last[0] = v;
                last[1] = now;
            }
            if (done.get()) {
                vertx.cancelTimer(id);
                p.tryComplete(true);
            } else if (now > deadline || now - last[1] > quietSeconds * 1e9) {
                vertx.cancelTimer(id);
                p.tryComplete(false);
            }
        });
        return p.future();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // Exiting anyway.
        }
    }

    static final class BenchException extends RuntimeException {
        BenchException(String message) {
            super(message);
        }

        BenchException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
