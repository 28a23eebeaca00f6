package dev.parley.service.presence;

import dev.parley.protocol.ByeReason;
import dev.parley.service.node.Delivery;
import dev.parley.service.node.NodeAddresses;
import dev.parley.store.LastSeenStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/** Single-node presence: an in-memory table, announcements published once to every node. */
public final class PresenceVerticle extends VerticleBase {
    private final int listMax;
    private final LastSeenStore lastSeen;
    private final PresenceTable table = new PresenceTable();

    public PresenceVerticle(int listMax, LastSeenStore lastSeen) {
        this.listMax = listMax;
        this.lastSeen = lastSeen;
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        return Future.join(
                bus.<JsonObject>consumer(PresenceAddresses.JOIN, this::join).completion(),
                bus.<JsonObject>consumer(PresenceAddresses.LEAVE, this::leave).completion(),
                bus.<JsonObject>consumer(PresenceAddresses.WHO, this::who).completion(),
                bus.<JsonObject>consumer(PresenceAddresses.LOCATE, this::locate).completion());
    }

    private void join(Message<JsonObject> m) {
        JsonObject b = m.body();
        PresenceTable.Entry entry = new PresenceTable.Entry(
                b.getString("user"), b.getString("name"), b.getString("node"), b.getString("session"));
        PresenceTable.Entry previous = table.join(entry);
        if (previous != null) {
            // A takeover: the old session goes, the others see no offline/online flap.
            vertx.eventBus().send(NodeAddresses.node(previous.node()),
                    Delivery.kick(previous.user(), previous.session(), ByeReason.REPLACED));
        } else {
            vertx.eventBus().publish(NodeAddresses.ALL, Delivery.presence(entry.user(), entry.name(), true));
        }
        m.reply(new JsonObject().put("count", table.count()).put("online", table.list(listMax, entry.user())));
    }

    private void leave(Message<JsonObject> m) {
        JsonObject b = m.body();
        String user = b.getString("user");
        PresenceTable.Entry gone = table.leave(user, b.getString("session"));
        if (gone != null) {
            vertx.eventBus().publish(NodeAddresses.ALL, Delivery.presence(gone.user(), gone.name(), false));
        }
        Long seq = b.getLong("lastGroupSeq");
        Future<Void> saved = seq == null ? Future.succeededFuture() : lastSeen.advance(user, seq);
        saved.onComplete(r -> m.reply(new JsonObject().put("removed", gone != null)));
    }

    private void who(Message<JsonObject> m) {
        m.reply(new JsonObject().put("count", table.count()).put("online", table.list(listMax, null)));
    }

    private void locate(Message<JsonObject> m) {
        PresenceTable.Entry e = table.get(m.body().getString("user"));
        m.reply(e == null ? new JsonObject()
                : new JsonObject().put("node", e.node()).put("session", e.session()));
    }
}
