package dev.parley.service.presence.repair;

import dev.parley.protocol.ByeReason;
import dev.parley.service.delivery.Delivery;
import dev.parley.service.delivery.Kick;
import dev.parley.service.presence.PresenceAnnouncer;
import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Puts this node's sessions back into shared presence after its view was lost (Redis restarted, or the
 * cluster declared this node dead during a pause or a split). In {@link Batches}, and never two runs at
 * once: after a false death under load every node may do this for all its sessions.
 * <p>
 * The sessions are read when the run starts, and a node that resumes after a freeze closes many of them only
 * now: a connection's departure (LEAVE) can land before the run re-registers it, which would leave a ghost.
 * So when the run ends, every session it registered that is no longer live here is removed again. A session
 * closed after that check sends its LEAVE after it, which removes it.
 * <p>
 * A session that a newer login replaced is never put back, even when that login has since logged out: the store
 * remembers takeovers ({@link PresenceStore#rejoin}), and such a session is ended here with {@code bye REPLACED},
 * since the takeover's kick may have been lost in a split.
 */
final class Reregistration {
    private static final Logger LOG = LoggerFactory.getLogger(Reregistration.class);

    private final PresenceStore presence;
    private final Supplier<List<PresenceEntry>> localSessions;
    private final PresenceAnnouncer everyNode;
    /** Kicks go to this node's own delivery address. */
    private final Consumer<Delivery> ownNode;
    private final BooleanSupplier stopped;
    private boolean running;
    private boolean again;

    Reregistration(PresenceStore presence, Supplier<List<PresenceEntry>> localSessions, PresenceAnnouncer everyNode,
                   Consumer<Delivery> ownNode, BooleanSupplier stopped) {
        this.presence = presence;
        this.localSessions = localSessions;
        this.everyNode = everyNode;
        this.ownNode = ownNode;
        this.stopped = stopped;
    }

    /** Re-registers every live session; while a run is under way, one more run follows it. */
    void run() {
        if (running) {
            again = true;
            return;
        }
        running = true;
        List<PresenceEntry> registered = new ArrayList<>();
        Batches.run(localSessions.get(), mine -> reregister(mine, registered), stopped)
                .compose(done -> {
                    if (!done.failed().isEmpty()) {
                        LOG.warn("re-registering " + done.failed().size() + " session(s) failed: "
                                + done.firstFailure().getMessage());
                    }
                    return removeClosedSince(registered);
                })
                .onComplete(done -> {
                    running = false;
                    if (again) {
                        again = false;
                        run();
                    }
                });
    }

    /** Undoes the registration of sessions that closed while the run was under way. */
    private Future<?> removeClosedSince(List<PresenceEntry> registered) {
        if (registered.isEmpty()) return Future.succeededFuture();
        Set<String> live = new HashSet<>();
        for (PresenceEntry e : localSessions.get()) live.add(e.session());
        List<PresenceEntry> closed = registered.stream().filter(e -> !live.contains(e.session())).toList();
        return Batches.run(closed, this::remove, stopped);
    }

    private Future<Void> remove(PresenceEntry gone) {
        return presence.leave(gone.user(), gone.session()).compose(removed -> removed == null
                ? Future.<Void>succeededFuture()
                : presence.count().map(count -> {
                    everyNode.left(List.of(removed), count);
                    return null;
                }));
    }

    private Future<Void> reregister(PresenceEntry mine, List<PresenceEntry> registered) {
        return presence.rejoin(mine).compose(outcome -> {
            if (outcome == PresenceStore.Rejoin.REPLACED) {
                // A newer login took the user over while we were cut off, and its kick never came (or is still on
                // its way): end the session as the kick would have.
                ownNode.accept(new Kick(mine.user(), mine.session(), ByeReason.REPLACED));
                return Future.succeededFuture();
            }
            registered.add(mine);
            if (outcome == PresenceStore.Rejoin.REFRESHED) return Future.succeededFuture();
            return presence.count().map(count -> {
                everyNode.arrived(mine, count);
                return null;
            });
        });
    }
}
