package dev.parley.service.auth;

import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The password-hashing threads, fed by two bounded queues. A free thread always takes a login before a
 * registration, so a registration flood delays a login by at most the hashes already running. A full queue
 * refuses at once (UNAVAILABLE) instead of growing: a queued hash nobody waits for any more is wasted CPU.
 * One per node, shared by every service that hashes (auth, account), so all hashing stays within its bounds.
 */
public final class HashQueue {
    /** LOGIN: checking a password someone is waiting on; REGISTRATION: hashing a new password. */
    public enum Lane { LOGIN, REGISTRATION }

    private record Job(Runnable run, Runnable drop) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final ArrayDeque<Job> logins = new ArrayDeque<>();
    private final ArrayDeque<Job> registrations = new ArrayDeque<>();
    private final int loginCapacity;
    private final int registrationCapacity;
    private final List<Thread> threads = new ArrayList<>();
    private boolean closed;

    public HashQueue(String name, int threadCount, int loginCapacity, int registrationCapacity) {
        this.loginCapacity = loginCapacity;
        this.registrationCapacity = registrationCapacity;
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::work, name + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Runs the task on a hashing thread; the future completes on {@code context}. */
    public <T> Future<T> submit(Context context, Lane lane, Callable<T> task) {
        Promise<T> promise = Promise.promise();
        Job job = new Job(() -> {
            try {
                T value = task.call();
                context.runOnContext(v -> promise.complete(value));
            } catch (Throwable t) {
                context.runOnContext(v -> promise.fail(t));
            }
        }, () -> context.runOnContext(v -> promise.fail(Bus.error(ChatError.UNAVAILABLE, "the server is stopping"))));
        lock.lock();
        try {
            ArrayDeque<Job> queue = lane == Lane.LOGIN ? logins : registrations;
            int capacity = lane == Lane.LOGIN ? loginCapacity : registrationCapacity;
            if (closed || queue.size() >= capacity) {
                return Future.failedFuture(Bus.error(ChatError.UNAVAILABLE, "the server is busy; try again shortly"));
            }
            queue.addLast(job);
            work.signal();
        } finally {
            lock.unlock();
        }
        return promise.future();
    }

    /** Queued tasks waiting, per lane (for tests and metrics). */
    int waiting(Lane lane) {
        lock.lock();
        try {
            return lane == Lane.LOGIN ? logins.size() : registrations.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops taking work; queued tasks fail with UNAVAILABLE, running ones finish. */
    public void close() {
        List<Job> dropped = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            dropped.addAll(logins);
            dropped.addAll(registrations);
            logins.clear();
            registrations.clear();
            work.signalAll();
        } finally {
            lock.unlock();
        }
        dropped.forEach(j -> j.drop().run());
    }

    private void work() {
        while (true) {
            Job job;
            lock.lock();
            try {
                while (!closed && logins.isEmpty() && registrations.isEmpty()) work.awaitUninterruptibly();
                if (closed) return;
                job = logins.isEmpty() ? registrations.pollFirst() : logins.pollFirst();
            } finally {
                lock.unlock();
            }
            job.run().run();
        }
    }
}
