package dev.parley.service.presence;

import dev.parley.protocol.ByeReason;
import dev.parley.service.Bus;
import dev.parley.service.BusCheck;
import dev.parley.service.node.Delivery;
import dev.parley.service.node.NodeAddresses;
import dev.parley.store.LastSeenStore;
import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Who is online and where. The table lives in a {@link PresenceStore} (memory on one node, Redis in a
 * cluster); announcements are published once to every node. Consumers are node-local: each node's
 * gateway talks to its own presence service, which shares the store with the others.
 */
public final class PresenceVerticle extends VerticleBase {
    private final Bus bus;
    private final int listMax;
    /**
     * Announcing every arrival and departure to everyone costs online² deliveries: above this many
     * users online they are not pushed (who still answers, with the true count).
     */
    private final int fanoutMax;
    private final PresenceStore presence;
    private final LastSeenStore lastSeen;

    public PresenceVerticle(Bus bus, int listMax, int fanoutMax, PresenceStore presence, LastSeenStore lastSeen) {
        this.bus = bus;
        this.listMax = listMax;
        this.fanoutMax = fanoutMax;
        this.presence = presence;
        this.lastSeen = lastSeen;
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        return Future.join(
                bus.<JsonObject>localConsumer(PresenceAddresses.JOIN, this::join).completion(),
                bus.<JsonObject>localConsumer(PresenceAddresses.LEAVE, this::leave).completion(),
                bus.<JsonObject>localConsumer(PresenceAddresses.WHO, this::who).completion(),
                bus.<JsonObject>localConsumer(PresenceAddresses.LOCATE, this::locate).completion());
    }

    private void join(Message<JsonObject> m) {
        if (!bus.accept(BusCheck.of(m).str("user", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX)
                .str("node", BusCheck.ID_MAX).str("session", BusCheck.ID_MAX), m, "presence")) return;
        PresenceEntry entry = PresenceEntry.fromJson(m.body());
        presence.join(entry)
                .compose(previous -> {
                    if (previous != null && !previous.session().equals(entry.session())) {
                        // A takeover: the old session goes, the others see no offline/online flap.
                        vertx.eventBus().send(NodeAddresses.node(previous.node()),
                                Delivery.kick(previous.user(), previous.session(), ByeReason.REPLACED));
                    }
                    return listing(entry.user()).onSuccess(listing -> {
                        if (previous == null) announce(entry.user(), entry.name(), true, listing.getLong("count"));
                    });
                })
                .onSuccess(m::reply)
                .onFailure(t -> bus.failWith(m, t));
    }

    private void leave(Message<JsonObject> m) {
        if (!bus.accept(BusCheck.of(m).str("user", BusCheck.FIELD_MAX).str("session", BusCheck.ID_MAX).optLong("lastGroupSeq"),
                m, "presence")) return;
        JsonObject b = m.body();
        String user = b.getString("user");
        Long seq = b.getLong("lastGroupSeq");
        // A position of 0 means "saw nothing yet", never "replay everything next time".
        Future<Void> saved = seq == null || seq <= 0 ? Future.succeededFuture() : lastSeen.advance(user, seq);
        presence.leave(user, b.getString("session"))
                .compose(gone -> gone == null ? Future.succeededFuture((PresenceEntry) null)
                        : presence.count().map(count -> {
                            announce(gone.user(), gone.name(), false, count + 1);
                            return gone;
                        }))
                .compose(gone -> saved.map(v -> new JsonObject().put("removed", gone != null)))
                .onSuccess(m::reply)
                .onFailure(t -> bus.failWith(m, t));
    }

    private void announce(String user, String name, boolean online, long onlineCount) {
        if (onlineCount <= fanoutMax) {
            vertx.eventBus().publish(NodeAddresses.ALL, Delivery.presence(user, name, online));
        }
    }

    private void who(Message<JsonObject> m) {
        listing(null).onSuccess(m::reply).onFailure(t -> bus.failWith(m, t));
    }

    private void locate(Message<JsonObject> m) {
        if (!bus.accept(BusCheck.of(m).str("user", BusCheck.FIELD_MAX), m, "presence")) return;
        presence.get(m.body().getString("user"))
                .onSuccess(e -> m.reply(e == null ? new JsonObject()
                        : new JsonObject().put("node", e.node()).put("session", e.session())))
                .onFailure(t -> bus.failWith(m, t));
    }

    /** {"count", "online":[{"user","name"}]} without {@code except}, capped at the list maximum. */
    private Future<JsonObject> listing(String except) {
        return Future.all(presence.count(), presence.list(listMax + 1)).map(all -> {
            long count = all.resultAt(0);
            List<PresenceEntry> entries = all.resultAt(1);
            JsonArray online = new JsonArray();
            for (PresenceEntry e : entries) {
                if (online.size() >= listMax) break;
                if (e.user().equals(except)) continue;
                online.add(new JsonObject().put("user", e.user()).put("name", e.name()));
            }
            return new JsonObject().put("count", count).put("online", online);
        });
    }
}
