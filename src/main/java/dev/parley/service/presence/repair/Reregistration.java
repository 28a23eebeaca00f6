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

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Puts this node's sessions back into shared presence after its view was lost (Redis restarted, or the
 * cluster declared this node dead during a pause or a split). In {@link Batches}, and never two runs at
 * once: after a false death under load every node may do this for all its sessions.
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
        Batches.run(localSessions.get(), this::reregister, stopped).onComplete(done -> {
            if (done.succeeded() && !done.result().failed().isEmpty()) {
                LOG.warn("re-registering " + done.result().failed().size() + " session(s) failed: "
                        + done.result().firstFailure().getMessage());
            }
            running = false;
            if (again) {
                again = false;
                run();
            }
        });
    }

    private Future<Void> reregister(PresenceEntry mine) {
        return presence.get(mine.user()).compose(current -> {
            if (current == null) {
                return presence.join(mine).compose(previous -> presence.count())
                        .map(count -> {
                            everyNode.arrived(mine, count);
                            return null;
                        });
            }
            if (!current.session().equals(mine.session())) {
                // Logged in elsewhere while we were cut off: the newer session wins.
                ownNode.accept(new Kick(mine.user(), mine.session(), ByeReason.REPLACED));
                return Future.succeededFuture();
            }
            return presence.join(mine).mapEmpty();
        });
    }
}
