package dev.parley.gateway;

import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.NoticeEvent;
import dev.parley.protocol.PresenceEvent;
import dev.parley.service.Bus;
import dev.parley.service.delivery.CloseUser;
import dev.parley.service.delivery.Closed;
import dev.parley.service.delivery.Delivered;
import dev.parley.service.delivery.Delivery;
import dev.parley.service.delivery.GroupMessage;
import dev.parley.service.delivery.Kick;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.Ping;
import dev.parley.service.delivery.Pong;
import dev.parley.service.delivery.PresenceChange;
import dev.parley.service.delivery.PrivateMessage;
import dev.parley.service.delivery.ServerNotice;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

/**
 * The node's one delivery consumer (plus its share of the broadcast address), the service behind the
 * {@link dev.parley.service.delivery} contract: turns each delivery into an event encoded once, and hands
 * it to each gateway instance with one task per event loop, never one per recipient.
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
    /** Undeployed: its consumers are gone for good and must not be registered again. */
    private volatile boolean stopped;

    @Override
    public Future<?> start() {
        return register();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        return Future.succeededFuture();
    }

    private Future<?> register() {
        all = vertx.eventBus().consumer(NodeAddresses.ALL, this::onDelivery);
        own = vertx.eventBus().consumer(NodeAddresses.node(node.nodeId()), this::onDelivery);
        return Future.join(all.completion(), own.completion());
    }

    /** The clustered addresses this verticle consumes (none once stopped). */
    java.util.List<String> addresses() {
        return stopped ? java.util.List.of() : java.util.List.of(NodeAddresses.ALL, NodeAddresses.node(node.nodeId()));
    }

    /**
     * Replaces the consumer of {@code address} with a new registration, for when the cluster's registry lost
     * this node's (issue 16, see dev.parley.cluster.SubscriptionGuard). The new consumer is added before the old
     * one is removed, in one task of this verticle: there is no moment without a consumer here.
     */
    Future<?> reregister(String address) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            MessageConsumer<JsonObject> fresh;
            if (stopped) {
                done.complete();
                return;
            }
            if (NodeAddresses.ALL.equals(address)) {
                fresh = replace(all, address);
                all = fresh;
            } else if (NodeAddresses.node(node.nodeId()).equals(address)) {
                fresh = replace(own, address);
                own = fresh;
            } else {
                done.fail("not a delivery address of this node: " + address);
                return;
            }
            fresh.completion().onComplete(done);
        });
        return done.future();
    }

    private MessageConsumer<JsonObject> replace(MessageConsumer<JsonObject> old, String address) {
        MessageConsumer<JsonObject> fresh = vertx.eventBus().consumer(address, this::onDelivery);
        old.unregister();
        return fresh;
    }

    /** Delivers without the bus (which a healing split can leave unable to route even to this node). */
    void deliverLocally(Delivery delivery) {
        context.runOnContext(v -> dispatch(delivery, null));
    }

    private void onDelivery(Message<JsonObject> m) {
        // This is the one consumer other nodes reach: whatever arrives is checked before use.
        Delivery delivery = bus.parse(m, "delivery", Delivery::fromJson);
        if (delivery != null) dispatch(delivery, m);
    }

    /** @param m the bus message to answer, or null when there is nobody to answer */
    private void dispatch(Delivery d, Message<JsonObject> m) {
        if (d instanceof PresenceChange p) {
            broadcast(new EncodedEvent(new PresenceEvent(p.user(), p.name(), p.online()), 0, p.user(), node.encoders()));
        } else if (d instanceof GroupMessage g) {
            StoredMessage s = g.message();
            broadcast(new EncodedEvent(toEvent(s), s.seq(), s.from(), node.encoders()));
        } else if (d instanceof PrivateMessage p) {
            StoredMessage s = p.message();
            Connection c = node.sessions().byUser(s.to());
            if (c == null || c.closed()) {
                if (m != null) m.reply(new Delivered(false).toJson());
                return;
            }
            deliverPrivate(c, new EncodedEvent(toEvent(s), 0, null, node.encoders()), m);
        } else if (d instanceof Ping) {
            if (m != null) m.reply(new Pong(node.nodeId()).toJson());
        } else if (d instanceof Kick k) {
            Connection c = node.sessions().bySession(k.session());
            if (c != null) c.gateway().runOnLoop(() -> c.bye(k.reason(), null));
        } else if (d instanceof CloseUser close) {
            closeUser(close, m);
        } else if (d instanceof ServerNotice n) {
            broadcast(new EncodedEvent(new NoticeEvent(n.code(), n.message()), 0, null, node.encoders()));
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
        if (m != null) context.runOnContext(v -> m.reply(new Delivered(delivered).toJson()));
    }

    /** Says bye to the user's session here, records its departure, then answers whether there was one. */
    private void closeUser(CloseUser close, Message<JsonObject> m) {
        Connection c = node.sessions().byUser(close.user());
        if (c == null) {
            if (m != null) m.reply(new Closed(false).toJson());
            return;
        }
        c.gateway().runOnLoop(() -> {
            boolean open = !c.closed();
            c.bye(close.reason(), close.message());
            c.gateway().release(c).onComplete(done -> {
                if (m != null) m.reply(new Closed(open).toJson());
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
