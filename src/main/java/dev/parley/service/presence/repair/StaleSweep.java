package dev.parley.service.presence.repair;

import dev.parley.service.presence.PresenceAnnouncer;
import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Removes from shared presence the entries naming this node whose session is gone: departures that could not
 * be recorded (Redis busy or down), and any other leftovers. Announces each removal offline.
 */
final class StaleSweep {
    private static final Logger LOG = LoggerFactory.getLogger(StaleSweep.class);
    /** Debounce: a mass disconnect with Redis down triggers one sweep, not one per departure. */
    static final long DELAY_MILLIS = 2000;
    /** Remembered lost departures; beyond this the periodic sweep of leftovers still finds them. */
    static final int MAX_PENDING = 1_000_000;

    private final String self;
    private final PresenceStore presence;
    private final Supplier<List<PresenceEntry>> localSessions;
    private final PresenceAnnouncer everyNode;
    private final Timers timers;
    private final BooleanSupplier stopped;
    private List<PresenceEntry> pending = new ArrayList<>();
    private long timer = -1;

    StaleSweep(String self, PresenceStore presence, Supplier<List<PresenceEntry>> localSessions,
               PresenceAnnouncer everyNode, Timers timers, BooleanSupplier stopped) {
        this.self = self;
        this.presence = presence;
        this.localSessions = localSessions;
        this.everyNode = everyNode;
        this.timers = timers;
        this.stopped = stopped;
    }

    /**
     * A LEAVE failed. It may still have happened (a command can time out here and run in Redis later):
     * remember it, so the departure is announced whichever way it went, and sweep soon.
     */
    void departureLost(PresenceEntry departed) {
        if (departed != null && pending.size() < MAX_PENDING) pending.add(departed);
        soon();
    }

    /** Sweeps after {@link #DELAY_MILLIS}, unless a sweep is already due. */
    void soon() {
        if (timer >= 0 || stopped.getAsBoolean()) return;
        timer = timers.after(DELAY_MILLIS, () -> {
            timer = -1;
            now();
        });
    }

    /** Settles the lost departures, then removes leftovers; completes with how many entries were announced gone. */
    Future<Integer> now() {
        List<PresenceEntry> departures = pending;
        pending = new ArrayList<>();
        return settle(departures).compose(settled -> sweepLeftovers().map(swept -> settled + swept));
    }

    /**
     * Unless the user is online with another session by now, removes each lost departure's entry if it is
     * still there, and announces the departure either way.
     */
    private Future<Integer> settle(List<PresenceEntry> departures) {
        return Batches.run(departures, this::settleOne, stopped)
                .compose(outcome -> announceOffline(outcome.done()).map(announced -> {
                    retry(outcome.failed());
                    return announced;
                }))
                .recover(t -> {
                    retry(departures);
                    return Future.succeededFuture(0);
                });
    }

    private Future<PresenceEntry> settleOne(PresenceEntry d) {
        return presence.get(d.user()).compose(current -> {
            if (current != null && !current.session().equals(d.session())) return Future.succeededFuture(null);
            return (current == null ? Future.<PresenceEntry>succeededFuture() : presence.leave(d.user(), d.session()))
                    .map(ignored -> d);
        });
    }

    private void retry(List<PresenceEntry> failed) {
        if (failed.isEmpty()) return;
        pending.addAll(failed);
        LOG.warn("announcing " + failed.size() + " lost departure(s) failed; retrying");
        soon();
    }

    private Future<Integer> sweepLeftovers() {
        Set<String> live = new HashSet<>();
        localSessions.get().forEach(e -> live.add(e.session()));
        return presence.entriesOf(self)
                .compose(entries -> {
                    List<PresenceEntry> stale = entries.stream().filter(e -> !live.contains(e.session())).toList();
                    return Batches.run(stale, e -> presence.leave(e.user(), e.session()), stopped).compose(outcome -> {
                        // Entries that could not be removed stay listed, so the next sweep finds them again.
                        if (!outcome.failed().isEmpty()) soon();
                        return announceOffline(outcome.done());
                    });
                })
                .onSuccess(removed -> {
                    if (removed > 0) LOG.info("node " + self + ": removed " + removed + " stale presence entries");
                })
                .recover(t -> {
                    LOG.warn("sweeping stale presence failed (" + t.getMessage() + "); retrying");
                    soon();
                    return Future.succeededFuture(0);
                });
    }

    /** Announces the non-null entries offline; completes with how many there were. */
    private Future<Integer> announceOffline(List<PresenceEntry> maybeGone) {
        List<PresenceEntry> gone = maybeGone.stream().filter(Objects::nonNull).toList();
        if (gone.isEmpty()) return Future.succeededFuture(0);
        return presence.count().map(count -> {
            everyNode.left(gone, count);
            return gone.size();
        });
    }
}
