package dev.parley.service.mailbox;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import dev.parley.service.Dedup;
import dev.parley.service.Empty;
import dev.parley.service.MessageIds;
import dev.parley.service.PerKeyQueue;
import dev.parley.service.delivery.Delivered;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.PrivateMessage;
import dev.parley.service.group.GroupAddresses;
import dev.parley.service.group.HistoryReply;
import dev.parley.service.group.HistoryRequest;
import dev.parley.service.presence.LocateRequest;
import dev.parley.service.presence.Location;
import dev.parley.service.presence.PresenceAddresses;
import dev.parley.store.LastSeenStore;
import dev.parley.store.MailboxQuota;
import dev.parley.store.MailboxStore;
import dev.parley.store.StoredMessage;
import dev.parley.store.UserStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.time.Clock;

/**
 * Private messages and everything a user missed while offline. Private messages go straight to the
 * receiver's node when they are online and to their mailbox otherwise, never silently dropped.
 * Missed group messages come from the group service (its history and the user's last-seen position), so the
 * cost of a group message does not grow with the number of offline users.
 */
public final class MailboxVerticle extends VerticleBase {
    private static final long NODE_TIMEOUT_MILLIS = 3000;

    private final Bus bus;
    private final ParleyConfig.Mailbox config;
    private final UserStore users;
    private final MailboxStore mailbox;
    private final LastSeenStore lastSeen;
    private final Dedup dedup;
    private final MessageIds ids;
    /** Stamps messages the gateway did not stamp, and ages stored mail. */
    private final Clock clock;
    private final MailExpiry expiry;
    private final PerKeyQueue perSender = new PerKeyQueue();
    private final MailboxQuota quota;

    public MailboxVerticle(Bus bus, ParleyConfig.Mailbox config, UserStore users, MailboxStore mailbox,
                           LastSeenStore lastSeen, Dedup dedup, MessageIds ids, Clock clock) {
        this.bus = bus;
        this.config = config;
        this.users = users;
        this.mailbox = mailbox;
        this.lastSeen = lastSeen;
        this.dedup = dedup;
        this.ids = ids;
        this.clock = clock;
        this.expiry = new MailExpiry(config.maxAge(), clock);
        this.quota = new MailboxQuota(config.maxMessagesPerUser(), config.maxBytesPerUser(), config.maxMessagesPerSender());
    }

    @Override
    public Future<?> start() {
        var eb = vertx.eventBus();
        return Future.join(
                eb.<JsonObject>localConsumer(MailboxAddresses.SEND, this::send).completion(),
                eb.<JsonObject>localConsumer(MailboxAddresses.FETCH, this::fetch).completion(),
                eb.<JsonObject>localConsumer(MailboxAddresses.ACK, this::ack).completion());
    }

    private void send(Message<JsonObject> m) {
        SendRequest r = bus.parse(m, "mailbox", SendRequest::fromJson);
        if (r != null) perSender.submit(r.from(), () -> processSend(m, r));
    }

    private Future<Void> processSend(Message<JsonObject> m, SendRequest r) {
        // A gateway whose direct delivery went unconfirmed stores the message under the id it already gave it.
        long ts = r.ts() != null ? r.ts() : clock.millis();
        StoredMessage msg = new StoredMessage(r.id() != null ? r.id() : ids.next(ts), r.from(), r.name(), r.to(), r.text(), ts, 0);
        String key = r.cid() == null ? null : Dedup.key(msg.from(), "msg", r.cid());
        JsonObject claim = new SendReply(msg.id(), ts, false).toJson();
        return dedup.claim(key, claim).transform(claimed -> {
            if (claimed.failed()) {
                bus.failWith(m, claimed.cause());
                return Future.<Void>succeededFuture();
            }
            Dedup.Claim found = claimed.result();
            if (found.earlierReply() != null) {
                m.reply(found.earlierReply());
                return Future.<Void>succeededFuture();
            }
            // An abandoned attempt (its node died before delivering or storing) is sent again under its id.
            JsonObject answer = found.answerOr(claim);
            StoredMessage toSend = msg.withIdAndTs(answer.getString("id"), answer.getLong("ts"));
            Future<Boolean> outcome = r.storeOnly() ? store(toSend) : deliverOrStore(toSend, r.tags());
            return outcome
                    .onSuccess(stored -> {
                        JsonObject reply = answer.copy().put("stored", stored);
                        dedup.complete(key, reply);
                        m.reply(reply);
                    })
                    .onFailure(t -> {
                        dedup.abandon(key, answer);
                        bus.failWith(m, t);
                    })
                    .<Void>mapEmpty();
        });
    }

    /** True when stored for later (without {@code tags}: they are live only), false when handed to the receiver's connection. */
    private Future<Boolean> deliverOrStore(StoredMessage msg, java.util.Map<String, String> tags) {
        return vertx.eventBus().<JsonObject>request(PresenceAddresses.LOCATE, new LocateRequest(msg.to()).toJson())
                .map(located -> Location.fromJson(located.body()))
                .compose(located -> {
                    if (!located.online()) return Future.succeededFuture(false);
                    // "delivered" means written to the receiver's socket. No such answer in time (node dead,
                    // frozen or dying; receiver not reading) stores it: at-least-once, since a late write
                    // can still reach the receiver, who then also gets it from the mailbox, with the same id.
                    return vertx.eventBus().<JsonObject>request(NodeAddresses.node(located.node()), new PrivateMessage(msg, tags).toJson(),
                                    new DeliveryOptions().setSendTimeout(NODE_TIMEOUT_MILLIS))
                            .map(r -> Delivered.fromJson(r.body()).delivered())
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
        FetchRequest r = bus.parse(m, "mailbox", FetchRequest::fromJson);
        if (r == null) return;
        Future<MailExpiry.Split> mail = mailbox.peek(r.user(), config.maxMessagesPerUser()).compose(list -> {
            MailExpiry.Split split = expiry.split(list);
            Future<Void> dropped = split.expiredSeqs().isEmpty() ? Future.succeededFuture() : mailbox.remove(r.user(), split.expiredSeqs());
            return dropped.map(v -> split);
        });
        Future<HistoryReply> group = vertx.eventBus().<JsonObject>request(GroupAddresses.HISTORY,
                        new HistoryRequest(r.user(), r.upTo()).toJson())
                .map(reply -> HistoryReply.fromJson(reply.body()));
        Future.all(mail, group)
                .onSuccess(all -> m.reply(new FetchReply(mail.result().fresh(), mail.result().expiredSeqs().size(),
                        group.result().messages(), group.result().skipped()).toJson()))
                .onFailure(t -> bus.failWith(m, t));
    }

    private void ack(Message<JsonObject> m) {
        AckRequest r = bus.parse(m, "mailbox", AckRequest::fromJson);
        if (r == null) return;
        Future<Void> removed = r.seqs().isEmpty() ? Future.succeededFuture() : mailbox.remove(r.user(), r.seqs());
        Future<Void> advanced = r.groupSeq() == null ? Future.succeededFuture() : lastSeen.advance(r.user(), r.groupSeq());
        Future.all(removed, advanced).onSuccess(v -> m.reply(Empty.INSTANCE.toJson())).onFailure(t -> bus.failWith(m, t));
    }
}
