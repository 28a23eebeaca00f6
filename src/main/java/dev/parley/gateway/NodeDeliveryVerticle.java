package dev.parley.gateway;

import dev.parley.protocol.ByeReason;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.NoticeEvent;
import dev.parley.protocol.PresenceEvent;
import dev.parley.service.Bus;
import dev.parley.service.node.CloseUser;
import dev.parley.service.BusCheck;
import dev.parley.service.node.Delivery;
import dev.parley.service.node.NodeAddresses;
import dev.parley.service.node.ServerNotice;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The node's one delivery consumer (plus its share of the broadcast address): turns each delivery
 * into an event encoded once, and hands it to each gateway instance with one task per event loop,
 * never one per recipient.
 */
final class NodeDeliveryVerticle extends VerticleBase {
    private final GatewayNode node;
    private final Bus bus;

    NodeDeliveryVerticle(GatewayNode node, Bus bus) {
        this.node = node;
        this.bus = bus;
    }

    private MessageConsumer<JsonObject> all;
    private MessageConsumer<JsonObject> own;

    @Override
    public Future<?> start() {
        return register();
    }

    private Future<?> register() {
        all = vertx.eventBus().consumer(NodeAddresses.ALL, this::onDelivery);
        own = vertx.eventBus().consumer(NodeAddresses.node(node.nodeId()), this::onDelivery);
        return Future.join(all.completion(), own.completion());
    }

    /**
     * Registers the consumers again. After a healed split, Hazelcast's merge can drop this node's
     * subscriptions from the cluster-wide registry (a known Vert.x + Hazelcast pitfall).
     */
    Future<?> reregister() {
        return Future.join(all.unregister(), own.unregister()).transform(v -> register());
    }

    /** Delivers without the bus (which a healing split can leave unable to route even to this node). */
    void deliverLocally(JsonObject delivery) {
        context.runOnContext(v -> dispatch(delivery, null));
    }

    private void onDelivery(Message<JsonObject> m) {
        // This is the one consumer other nodes reach: whatever arrives is checked before use.
        if (!bus.accept(check(BusCheck.of(m)), m, "delivery")) return;
        dispatch(m.body(), m);
    }

    private static final Set<String> BYE_REASONS =
            Arrays.stream(ByeReason.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    /** The shape of each {@link Delivery}. */
    static BusCheck check(BusCheck c) {
        String type = c.ok() ? String.valueOf(c.body().getValue("type")) : "";
        return switch (type) {
            case Delivery.PRESENCE -> c.str("user", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX).bool("online");
            case Delivery.GROUP -> c.object("message", m -> message(m).absent("to"));
            case Delivery.PRIVATE -> c.object("message", m -> message(m).str("to", BusCheck.FIELD_MAX));
            case Delivery.PING -> c;
            case Delivery.KICK -> c.optStr("user", BusCheck.FIELD_MAX).str("session", BusCheck.ID_MAX)
                    .oneOf("reason", BYE_REASONS);
            case Delivery.CLOSE_USER -> c.str("user", BusCheck.FIELD_MAX).oneOf("reason", BYE_REASONS)
                    .optStr("message", BusCheck.FIELD_MAX);
            case Delivery.NOTICE -> c.str("code", BusCheck.ID_MAX).str("message", BusCheck.FIELD_MAX);
            default -> c.oneOf("type", Set.of(Delivery.PRESENCE, Delivery.GROUP, Delivery.PRIVATE, Delivery.PING,
                    Delivery.KICK, Delivery.CLOSE_USER, Delivery.NOTICE));
        };
    }

    private static BusCheck message(BusCheck m) {
        return m.str("id", BusCheck.ID_MAX).str("from", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX)
                .str("text", BusCheck.FIELD_MAX).optLong("ts").optLong("seq");
    }

    /** @param m the bus message to answer, or null when there is nobody to answer */
    private void dispatch(JsonObject b, Message<JsonObject> m) {
        switch (b.getString("type", "")) {
            case Delivery.PRESENCE -> broadcast(new EncodedEvent(
                    new PresenceEvent(b.getString("user"), b.getString("name"), b.getBoolean("online")),
                    0, b.getString("user"), node.encoders()));
            case Delivery.GROUP -> {
                StoredMessage s = StoredMessage.fromJson(b.getJsonObject("message"));
                broadcast(new EncodedEvent(toEvent(s), s.seq(), s.from(), node.encoders()));
            }
            case Delivery.PRIVATE -> {
                StoredMessage s = StoredMessage.fromJson(b.getJsonObject("message"));
                Connection c = node.sessions().byUser(s.to());
                if (c == null || c.closed()) {
                    if (m != null) m.reply(new JsonObject().put("delivered", false));
                    return;
                }
                deliverPrivate(c, new EncodedEvent(toEvent(s), 0, null, node.encoders()), m);
            }
            case Delivery.PING -> {
                if (m != null) m.reply(new JsonObject().put("node", node.nodeId()));
            }
            case Delivery.KICK -> {
                Connection c = node.sessions().bySession(b.getString("session"));
                if (c != null) {
                    ByeReason reason = ByeReason.valueOf(b.getString("reason"));
                    c.gateway().runOnLoop(() -> c.bye(reason, null));
                }
            }
            case Delivery.CLOSE_USER -> closeUser(CloseUser.fromJson(b), m);
            case Delivery.NOTICE -> {
                ServerNotice n = ServerNotice.fromJson(b);
                if (n != null) broadcast(new EncodedEvent(new NoticeEvent(n.code(), n.message()), 0, null, node.encoders()));
            }
            default -> {
            }
        }
    }

    /**
     * Answers "delivered" only once the bytes were handed to the socket, not when the event is merely
     * queued: a node that dies (or freezes) before writing must leave the sender without a confirmation,
     * so the sender's node stores the message after its timeout. Not answering at all when the write
     * never completes (peer not reading, connection closed) has the same effect.
     */
    private void deliverPrivate(Connection c, EncodedEvent e, Message<JsonObject> m) {
        c.gateway().runOnLoop(() -> {
            boolean taken = c.deliver(e, () -> answer(m, true));
            if (taken) c.gateway().counted(e, 1);
            else answer(m, false);
        });
    }

    /** Replies from this verticle's context, whichever event loop learnt the outcome. */
    private void answer(Message<JsonObject> m, boolean delivered) {
        if (m != null) context.runOnContext(v -> m.reply(new JsonObject().put("delivered", delivered)));
    }

    /** Says bye to the user's session here, records its departure, then answers whether there was one. */
    private void closeUser(CloseUser close, Message<JsonObject> m) {
        Connection c = close == null ? null : node.sessions().byUser(close.user());
        if (c == null) {
            if (m != null) m.reply(new JsonObject().put("closed", false));
            return;
        }
        c.gateway().runOnLoop(() -> {
            boolean open = !c.closed();
            c.bye(close.reason(), close.message());
            c.gateway().release(c).onComplete(done -> {
                if (m != null) m.reply(new JsonObject().put("closed", open));
            });
        });
    }

    private void broadcast(EncodedEvent e) {
        for (GatewayVerticle g : node.sessions().gateways()) {
            g.runOnLoop(() -> g.broadcast(e));
        }
    }

    private static MessageEvent toEvent(StoredMessage s) {
        return new MessageEvent(s.to() == null, s.id(), s.from(), s.name(), s.to(), s.text(), s.ts(), false);
    }
}
