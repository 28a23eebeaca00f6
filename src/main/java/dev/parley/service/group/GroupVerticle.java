package dev.parley.service.group;

import dev.parley.service.Bus;
import dev.parley.service.BusCheck;
import dev.parley.service.Dedup;
import dev.parley.service.MessageIds;
import dev.parley.service.PerKeyQueue;
import dev.parley.service.node.Delivery;
import dev.parley.service.node.NodeAddresses;
import dev.parley.store.GroupHistoryStore;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * Group broadcast: store in the history (which assigns the sequence), then publish once to every
 * node. History appends complete in submission order, so one sender's messages keep their order.
 */
public final class GroupVerticle extends VerticleBase {
    private final GroupHistoryStore history;
    private final Dedup dedup;
    private final MessageIds ids;
    private final PerKeyQueue perSender = new PerKeyQueue();

    public GroupVerticle(GroupHistoryStore history, Dedup dedup, MessageIds ids) {
        this.history = history;
        this.dedup = dedup;
        this.ids = ids;
    }

    @Override
    public Future<?> start() {
        return vertx.eventBus().<JsonObject>localConsumer(GroupAddresses.SAY, this::say).completion();
    }

    private void say(Message<JsonObject> m) {
        if (!BusCheck.of(m).str("from", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX)
                .str("text", BusCheck.FIELD_MAX).optStr("cid", BusCheck.ID_MAX).accept(m, "group")) return;
        perSender.submit(m.body().getString("from"), () -> process(m));
    }

    private Future<Void> process(Message<JsonObject> m) {
        JsonObject b = m.body();
        long ts = System.currentTimeMillis();
        StoredMessage msg = new StoredMessage(ids.next(ts), b.getString("from"), b.getString("name"), null,
                b.getString("text"), ts, 0);
        JsonObject reply = new JsonObject().put("id", msg.id()).put("ts", ts);
        String cid = b.getString("cid");
        String key = cid == null ? null : Dedup.key(msg.from(), "say", cid);
        return dedup.claim(key, reply).transform(claimed -> {
            if (claimed.failed() && Dedup.inProgress(claimed.cause())) {
                Bus.failWith(m, claimed.cause());
                return Future.<Void>succeededFuture();
            }
            Dedup.Claim claim = claimed.succeeded() ? claimed.result() : Dedup.Claim.OWNED;
            if (claim.earlierReply() != null) {
                m.reply(claim.earlierReply());
                return Future.<Void>succeededFuture();
            }
            // An abandoned attempt (its node died) may have published already: sent again under its id.
            JsonObject answer = claim.takeOver() != null ? claim.takeOver() : reply;
            StoredMessage toSend = claim.takeOver() == null ? msg : new StoredMessage(answer.getString("id"), msg.from(),
                    msg.name(), null, msg.text(), answer.getLong("ts"), 0);
            return history.append(toSend)
                    .onSuccess(stored -> {
                        vertx.eventBus().publish(NodeAddresses.ALL, Delivery.groupMessage(stored));
                        dedup.complete(key, answer);
                        m.reply(answer);
                    })
                    .onFailure(t -> {
                        dedup.abandon(key, answer);
                        Bus.failWith(m, t);
                    })
                    .<Void>mapEmpty();
        });
    }
}
