package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.h2.mvstore.MVStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Commits asked for within {@link #WINDOW_MILLIS} of each other become one MVStore commit. Every commit writes a
 * chunk, and MVStore keeps a dead chunk's metadata (~250 B of heap) for its retention time (45 s) and until a later
 * commit: one commit per registration held 19,000 chunks after a 19,000-user login storm (docs/performance.md,
 * "Idle memory per session"). A caller's future completes only after a commit that started after its change, so
 * a change answered ok is in the file, as with a commit of its own; it waits at most the window longer. A change
 * waiting when the store closes is written by the close, but its caller gets the failed commit (as for any store
 * call racing a shutdown).
 */
final class CoalescedCommit {
    /** Short next to a password hash; bounds a storm's commits to ~40 a second whatever its rate. */
    static final long WINDOW_MILLIS = 25;

    private final Vertx vertx;
    private final MVStore store;
    private final Blocking blocking;
    private List<Promise<Void>> waiting = new ArrayList<>();
    /** Commits run so far (a test's view of the coalescing). */
    private long commits;

    CoalescedCommit(Vertx vertx, MVStore store, Blocking blocking) {
        this.vertx = vertx;
        this.store = store;
        this.blocking = blocking;
    }

    /** Completes once a commit that started after this call has written the store. */
    Future<Void> request() {
        Promise<Void> p = Promise.promise();
        boolean first;
        synchronized (this) {
            first = waiting.isEmpty();
            waiting.add(p);
        }
        // The first waiter arms the window; the others ride on it.
        if (first) vertx.setTimer(WINDOW_MILLIS, id -> commitWaiting());
        return p.future();
    }

    private void commitWaiting() {
        List<Promise<Void>> batch;
        synchronized (this) {
            batch = waiting;
            waiting = new ArrayList<>();
            commits++;
        }
        blocking.run(() -> {
            store.commit();
            return null;
        }).onComplete(done -> {
            for (Promise<Void> p : batch) {
                if (done.succeeded()) p.complete();
                else p.fail(done.cause());
            }
        });
    }

    synchronized long commits() {
        return commits;
    }
}
