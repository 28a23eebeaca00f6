package dev.parley.service.mailbox;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import dev.parley.service.BusCheck;
import dev.parley.service.Dedup;
import dev.parley.service.MessageIds;
import dev.parley.service.PerKeyQueue;
import dev.parley.service.node.Delivery;
import dev.parley.service.node.NodeAddresses;
import dev.parley.service.presence.PresenceAddresses;
import dev.parley.store.GroupHistoryStore;
import dev.parley.store.LastSeenStore;
import dev.parley.store.MailboxQuota;
import dev.parley.store.MailboxStore;
import dev.parley.store.StoredMessage;
import dev.parley.store.UserStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Private messages and everything a user missed while offline. Private messages go straight to the
 * receiver's node when they are online and to their mailbox otherwise, never silently dropped.
 * Missed group messages come from the group history and the user's last-seen position, so the
 * cost of a group message does not grow with the number of offline users.
 */
public final class MailboxVerticle extends VerticleBase {
    private final ParleyConfig config;
    private final UserStore users;
    private final MailboxStore mailbox;
    private final GroupHistoryStore history;
    private final LastSeenStore lastSeen;
    private final Dedup dedup;
    private final MessageIds ids;
    private static final long NODE_TIMEOUT_MILLIS = 3000;
    private final PerKeyQueue perSender = new PerKeyQueue();
    private final MailboxQuota quota;
    /** An ack names at most the messages one fetch returns (mailbox.maxMessagesPerUser's ceiling). */
    private static final int MAX_ACK_SEQS = 1_000_000;

    public MailboxVerticle(ParleyConfig config, UserStore users, MailboxStore mailbox, GroupHistoryStore history,
                           LastSeenStore lastSeen, Dedup dedup, MessageIds ids) {
        this.config = config;
        this.users = users;
        this.mailbox = mailbox;
        this.history = history;
        this.lastSeen = lastSeen;
        this.dedup = dedup;
        this.ids = ids;
        this.quota = new MailboxQuota(config.mailbox().maxMessagesPerUser(), config.mailbox().maxBytesPerUser(),
                config.mailbox().maxMessagesPerSender());
    }

    @Override
    public Future<?> start() {
        var bus = vertx.eventBus();
        return Future.join(
                bus.<JsonObject>localConsumer(MailboxAddresses.SEND, this::send).completion(),
                bus.<JsonObject>localConsumer(MailboxAddresses.FETCH, this::fetch).completion(),
                bus.<JsonObject>localConsumer(MailboxAddresses.ACK, this::ack).completion(),
                bus.<JsonObject>localConsumer(MailboxAddresses.HEAD, m -> history.head()
                        .onSuccess(h -> m.reply(new JsonObject().put("head", h)))
                        .onFailure(t -> Bus.failWith(m, t))).completion());
    }

    private void send(Message<JsonObject> m) {
        if (!BusCheck.of(m).str("from", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX).str("to", BusCheck.FIELD_MAX)
                .str("text", BusCheck.FIELD_MAX).optStr("cid", BusCheck.ID_MAX)
                .optStr("id", BusCheck.ID_MAX).optLong("ts").optBool("storeOnly").accept(m, "mailbox")) return;
        perSender.submit(m.body().getString("from"), () -> processSend(m));
    }

    private Future<Void> processSend(Message<JsonObject> m) {
        JsonObject b = m.body();
        // A gateway whose direct delivery went unconfirmed stores the message under the id it already gave it.
        long ts = b.getLong("ts", System.currentTimeMillis());
        String id = b.getString("id");
        StoredMessage msg = new StoredMessage(id != null ? id : ids.next(ts), b.getString("from"), b.getString("name"),
                b.getString("to"), b.getString("text"), ts, 0);
        String cid = b.getString("cid");
        String key = cid == null ? null : Dedup.key(msg.from(), "msg", cid);
        JsonObject claim = new JsonObject().put("id", msg.id()).put("ts", ts).put("stored", false);
        return dedup.claim(key, claim).transform(claimed -> {
            if (claimed.failed() && Dedup.inProgress(claimed.cause())) {
                Bus.failWith(m, claimed.cause());
                return Future.<Void>succeededFuture();
            }
            Dedup.Claim found = claimed.succeeded() ? claimed.result() : Dedup.Claim.OWNED;
            if (found.earlierReply() != null) {
                m.reply(found.earlierReply());
                return Future.<Void>succeededFuture();
            }
            // An abandoned attempt (its node died before delivering or storing) is sent again under its id.
            JsonObject answer = found.takeOver() != null ? found.takeOver() : claim;
            StoredMessage toSend = found.takeOver() == null ? msg : new StoredMessage(answer.getString("id"), msg.from(),
                    msg.name(), msg.to(), msg.text(), answer.getLong("ts"), 0);
            Future<Boolean> outcome = b.getBoolean("storeOnly", false) ? store(toSend) : deliverOrStore(toSend);
            return outcome
                    .onSuccess(stored -> {
                        JsonObject reply = answer.copy().put("stored", stored);
                        dedup.complete(key, reply);
                        m.reply(reply);
                    })
                    .onFailure(t -> {
                        dedup.abandon(key, answer);
                        Bus.failWith(m, t);
                    })
                    .<Void>mapEmpty();
        });
    }

    /** True when stored for later, false when handed to the receiver's connection. */
    private Future<Boolean> deliverOrStore(StoredMessage msg) {
        return vertx.eventBus().<JsonObject>request(PresenceAddresses.LOCATE, new JsonObject().put("user", msg.to()))
                .compose(located -> {
                    String node = located.body().getString("node");
                    if (node == null) return Future.succeededFuture(false);
                    // "delivered" means written to the receiver's socket. No such answer in time (node dead,
                    // frozen or dying; receiver not reading) stores it: at-least-once, since a late write
                    // can still reach the receiver, who then also gets it from the mailbox, with the same id.
                    return vertx.eventBus().<JsonObject>request(NodeAddresses.node(node), Delivery.privateMessage(msg),
                                    new DeliveryOptions().setSendTimeout(NODE_TIMEOUT_MILLIS))
                            .map(r -> r.body().getBoolean("delivered", false))
                            .otherwise(false);
                })
                .compose(delivered -> delivered ? Future.succeededFuture(false) : store(msg));
    }

    private Future<Boolean> store(StoredMessage msg) {
        return users.find(msg.to()).compose(user -> {
            if (user == null) return Future.failedFuture(Bus.error(ChatError.NO_SUCH_USER, "no such user: " + msg.to()));
            return mailbox.append(msg.to(), msg, quota).compose(result -> result == MailboxStore.Append.STORED
                    ? Future.succeededFuture(true)
                    : Future.failedFuture(Bus.error(ChatError.MAILBOX_FULL, refusal(result, msg.to()))));
        });
    }

    private String refusal(MailboxStore.Append result, String to) {
        return switch (result) {
            case SENDER_CAP -> "you already have " + quota.maxPerSender() + " unread messages waiting for " + to
                    + "; more after they log in";
            case FULL_BYTES -> to + "'s mailbox is full (" + quota.maxBytes() / 1024 + " KiB); try again after they log in";
            default -> to + "'s mailbox is full; try again after they log in";
        };
    }

    private void fetch(Message<JsonObject> m) {
        if (!BusCheck.of(m).str("user", BusCheck.FIELD_MAX).optLong("upTo").accept(m, "mailbox")) return;
        String user = m.body().getString("user");
        long now = System.currentTimeMillis();
        long mailCutoff = now - config.mailbox().maxAge().toMillis();
        Future<JsonObject> privatePart = mailbox.peek(user, config.mailbox().maxMessagesPerUser()).compose(list -> {
            JsonArray fresh = new JsonArray();
            List<Long> expired = new ArrayList<>();
            for (StoredMessage s : list) {
                if (s.ts() < mailCutoff) expired.add(s.seq());
                else fresh.add(s.toJson());
            }
            Future<Void> dropped = expired.isEmpty() ? Future.succeededFuture() : mailbox.remove(user, expired);
            return dropped.map(v -> new JsonObject().put("private", fresh).put("expired", expired.size()));
        });
        long upTo = m.body().getLong("upTo", Long.MAX_VALUE);
        Future<JsonObject> groupPart = lastSeen.get(user).compose(seen -> {
            if (seen == null || seen >= upTo) {
                // A first login replays nothing: history before the account's first visit is not "missed".
                Future<Void> first = seen == null && upTo != Long.MAX_VALUE ? lastSeen.advance(user, upTo) : Future.succeededFuture();
                return first.map(v -> new JsonObject().put("group", new JsonArray()).put("skipped", 0));
            }
            // Later messages (above upTo) reach the session live, so they are no part of the slice.
            int max = config.history().replayMax();
            return history.since(seen, max, now - config.history().maxAge().toMillis()).map(slice -> {
                JsonArray group = new JsonArray();
                long kept = 0;
                for (StoredMessage s : slice.messages()) {
                    if (s.seq() > upTo) continue;
                    kept++;
                    // One's own messages are never "missed" (but they do count as covered).
                    if (!user.equals(s.from())) group.add(s.toJson());
                }
                long skipped = Math.max(0, Math.min(upTo, slice.head()) - seen - kept);
                return new JsonObject().put("group", group).put("skipped", skipped);
            });
        });
        Future.all(privatePart, groupPart)
                .onSuccess(all -> m.reply(privatePart.result().mergeIn(groupPart.result())))
                .onFailure(t -> Bus.failWith(m, t));
    }

    private void ack(Message<JsonObject> m) {
        if (!BusCheck.of(m).str("user", BusCheck.FIELD_MAX).optLongs("seqs", MAX_ACK_SEQS).optLong("groupSeq")
                .accept(m, "mailbox")) return;
        JsonObject b = m.body();
        String user = b.getString("user");
        List<Long> seqs = new ArrayList<>();
        b.getJsonArray("seqs", new JsonArray()).forEach(o -> seqs.add(((Number) o).longValue()));
        Future<Void> removed = seqs.isEmpty() ? Future.succeededFuture() : mailbox.remove(user, seqs);
        Long groupSeq = b.getLong("groupSeq");
        Future<Void> advanced = groupSeq == null ? Future.succeededFuture() : lastSeen.advance(user, groupSeq);
        Future.all(removed, advanced).onSuccess(v -> m.reply(new JsonObject())).onFailure(t -> Bus.failWith(m, t));
    }
}
