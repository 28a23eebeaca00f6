package dev.parley.service.presence.repair;

import dev.parley.config.ParleyConfig;
import dev.parley.logging.Audit;
import dev.parley.service.delivery.Delivery;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.protocol.RoomName;
import dev.parley.service.presence.PresenceAnnouncer;
import dev.parley.service.presence.RoomPresence;
import dev.parley.store.RoomStore;
import dev.parley.store.NodeRegistry;
import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps cluster presence true without relying on dead nodes: a {@link Heartbeat} in Redis, a
 * {@link DeadNodeCleanup} when another node's key expired or Hazelcast says it left, a {@link Reregistration}
 * when this node's own entries were lost, and a {@link StaleSweep} of departures that could not be recorded.
 * Every part runs on this verticle's context.
 */
public final class PresenceRepairVerticle extends VerticleBase {
    private final String nodeId;
    private final ParleyConfig.Cluster config;
    private final NodeRegistry registry;
    private final PresenceStore presence;
    private final Supplier<List<PresenceEntry>> localSessions;
    private final int presenceFanoutMax;
    /** This node's users, reached without the bus. */
    private final Consumer<Delivery> localDelivery;
    private final Audit audit;
    /** Null: no rooms; announcements go to the default room only. */
    private RoomStore rooms;
    private ParleyConfig.Rooms roomsConfig;
    private volatile boolean stopped;
    private Heartbeat heartbeat;
    private DeadNodeCleanup cleanup;
    private Reregistration reregistration;
    private StaleSweep sweep;

    public PresenceRepairVerticle(String nodeId, ParleyConfig.Cluster config, NodeRegistry registry,
                                  PresenceStore presence, Supplier<List<PresenceEntry>> localSessions,
                                  int presenceFanoutMax, Consumer<Delivery> localDelivery, Audit audit) {
        this.nodeId = nodeId;
        this.config = config;
        this.registry = registry;
        this.presence = presence;
        this.localSessions = localSessions;
        this.presenceFanoutMax = presenceFanoutMax;
        this.localDelivery = localDelivery;
        this.audit = audit;
    }

    /** Announces repaired arrivals and departures to the users' rooms too (issue 14); call before deploying. */
    public PresenceRepairVerticle withRooms(RoomStore rooms, ParleyConfig.Rooms roomsConfig) {
        this.rooms = rooms;
        this.roomsConfig = roomsConfig;
        return this;
    }

    @Override
    public Future<?> start() {
        Timers timers = Timers.of(vertx);
        long ttlMillis = config.nodeTimeoutSeconds() * 1000L;
        PresenceAnnouncer everyNode = new PresenceAnnouncer(presenceFanoutMax,
                d -> vertx.eventBus().publish(NodeAddresses.ALL, d.toJson()));
        PresenceAnnouncer localUsers = everyNode.to(localDelivery);
        if (rooms != null) {
            String defaultRoom = RoomName.canonical(roomsConfig.defaultRoom());
            everyNode = everyNode.withRooms(new RoomPresence(defaultRoom, roomsConfig.presenceFanoutMax(), rooms, everyNode,
                    RoomPresence.overBus(vertx.eventBus())));
            localUsers = localUsers.withRooms(new RoomPresence(defaultRoom, roomsConfig.presenceFanoutMax(), rooms, localUsers,
                    RoomPresence.locally(localDelivery)));
        }
        cleanup = new DeadNodeCleanup(nodeId, registry, presence, ttlMillis, localUsers, timers, audit);
        reregistration = new Reregistration(presence, localSessions, everyNode,
                d -> vertx.eventBus().send(NodeAddresses.node(nodeId), d.toJson()), () -> stopped);
        sweep = new StaleSweep(nodeId, presence, localSessions, everyNode, timers, () -> stopped);
        heartbeat = new Heartbeat(nodeId, registry, config.heartbeatSeconds() * 1000L, ttlMillis, timers, audit,
                new Heartbeat.Findings() {
                    @Override
                    public void lostOwnEntries() {
                        reregistration.run();
                    }

                    @Override
                    public void nodeDead(String node) {
                        cleanup.cleanup(node);
                    }

                    @Override
                    public void sweepDue() {
                        sweep.now();
                    }
                });
        return heartbeat.start();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        heartbeat.stop();
        return registry.forget(nodeId).otherwiseEmpty();
    }

    /** Hazelcast says a member left: no need to wait for its heartbeat key to expire. */
    public void memberLeft(String node) {
        context.runOnContext(v -> cleanup.cleanup(node));
    }

    /** A departure could not be recorded (Redis busy or down): soon, sweep it from shared presence. */
    public void departureLost(PresenceEntry departed) {
        context.runOnContext(v -> sweep.departureLost(departed));
    }

    /**
     * After a healed split (this node's or another's): make the shared table hold this node's sessions again, and
     * sweep entries of this node whose session is gone. A node cut off may have taken a user over with a kick that
     * never reached this node, then lost that session: the user's session here is live but listed nowhere.
     */
    public void reregisterSoon() {
        context.runOnContext(v -> {
            reregistration.run();
            sweep.soon();
        });
    }
}
