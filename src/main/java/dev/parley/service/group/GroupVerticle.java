package dev.parley.service.group;

import dev.parley.config.ParleyConfig;
import dev.parley.service.Bus;
import dev.parley.service.Dedup;
import dev.parley.service.Empty;
import dev.parley.service.MessageIds;
import dev.parley.service.PerKeyQueue;
import dev.parley.service.delivery.GroupMessage;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.store.GroupHistoryStore;
import dev.parley.store.LastSeenStore;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.List;

/**
 * The group room: broadcast (store in the history, which assigns the sequence, then publish once to every
 * node) and reading the history back (its head, and what a user missed). History appends complete in
 * submission order, so one sender's messages keep their order.
 */
public final class GroupVerticle extends VerticleBase {
    private final Bus bus;
    private final ParleyConfig.History config;
    private final GroupHistoryStore history;
    private final LastSeenStore lastSeen;
    private final Dedup dedup;
    private final MessageIds ids;
    /** Stamps messages and dates the oldest one worth replaying. */
    private final Clock clock;
    private final PerKeyQueue perSender = new PerKeyQueue();

    public GroupVerticle(Bus bus, ParleyConfig.History config, GroupHistoryStore history, LastSeenStore lastSeen,
                         Dedup dedup, MessageIds ids, Clock clock) {
        this.bus = bus;
        this.config = config;
        this.history = history;
        this.lastSeen = lastSeen;
        this.dedup = dedup;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        EventBus eb = vertx.eventBus();
        return Future.join(List.of(
                eb.<JsonObject>localConsumer(GroupAddresses.SAY, this::say).completion(),
                eb.<JsonObject>localConsumer(GroupAddresses.HEAD, this::head).completion(),
                eb.<JsonObject>localConsumer(GroupAddresses.HISTORY, this::history).completion()));
    }

    private void say(Message<JsonObject> m) {
        SayRequest r = bus.parse(m, "group", SayRequest::fromJson);
        if (r != null) perSender.submit(r.from(), () -> process(m, r));
    }

    private Future<Void> process(Message<JsonObject> m, SayRequest r) {
        long ts = clock.millis();
        StoredMessage msg = new StoredMessage(ids.next(ts), r.from(), r.name(), null, r.text(), ts, 0);
        JsonObject reply = new SayReply(msg.id(), ts).toJson();
        String key = r.cid() == null ? null : Dedup.key(msg.from(), "say", r.cid());
        return dedup.claim(key, reply).transform(claimed -> {
            if (claimed.failed()) {
                bus.failWith(m, claimed.cause());
                return Future.<Void>succeededFuture();
            }
            Dedup.Claim claim = claimed.result();
            if (claim.earlierReply() != null) {
                m.reply(claim.earlierReply());
                return Future.<Void>succeededFuture();
            }
            // An abandoned attempt (its node died) may have published already: sent again under its id.
            JsonObject answer = claim.answerOr(reply);
            return history.append(msg.withIdAndTs(answer.getString("id"), answer.getLong("ts")))
                    .onSuccess(stored -> {
                        vertx.eventBus().publish(NodeAddresses.ALL, new GroupMessage(stored).toJson());
                        dedup.complete(key, answer);
                        m.reply(answer);
                    })
                    .onFailure(t -> {
                        dedup.abandon(key, answer);
                        bus.failWith(m, t);
                    })
                    .<Void>mapEmpty();
        });
    }

    private void head(Message<JsonObject> m) {
        if (bus.parse(m, "group", Empty::fromJson) == null) return;
        history.head().onSuccess(h -> m.reply(new HeadReply(h).toJson())).onFailure(t -> bus.failWith(m, t));
    }

    private void history(Message<JsonObject> m) {
        HistoryRequest r = bus.parse(m, "group", HistoryRequest::fromJson);
        if (r == null) return;
        long upTo = r.upTo() == null ? Long.MAX_VALUE : r.upTo();
        lastSeen.get(r.user()).compose(seen -> {
            if (seen == null || seen >= upTo) {
                // A first visit replays nothing: history before the account's first visit is not "missed".
                Future<Void> first = seen == null && r.upTo() != null ? lastSeen.advance(r.user(), upTo) : Future.succeededFuture();
                return first.map(v -> new HistoryReply(List.of(), 0));
            }
            long notBefore = clock.millis() - config.maxAge().toMillis();
            return history.since(seen, config.replayMax(), notBefore)
                    .map(slice -> MissedMessages.select(r.user(), seen, upTo, slice));
        }).onSuccess(reply -> m.reply(reply.toJson())).onFailure(t -> bus.failWith(m, t));
    }
}
