package dev.parley.gateway;

import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.NoticeEvent;
import dev.parley.protocol.Ops;
import dev.parley.protocol.PresenceEvent;
import dev.parley.protocol.RoomNotice;
import dev.parley.protocol.TagEvent;
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
import dev.parley.service.delivery.PrivateTags;
import dev.parley.service.delivery.RoomChange;
import dev.parley.service.delivery.RoomMessage;
import dev.parley.service.delivery.RoomTags;
import dev.parley.service.delivery.ServerNotice;
import dev.parley.service.room.RoomAddresses;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The node's one delivery consumer (plus its share of the broadcast address, and one consumer per room
 * with local members: {@link RoomSubscriptions}), the service behind the {@link dev.parley.service.delivery}
 * contract: turns each delivery into an event encoded once, and hands it to each gateway instance concerned
 * with one task per event loop, never one per recipient.
 */
final class NodeDeliveryVerticle extends VerticleBase {
    private final GatewayNode node;
    private final Bus bus;
    /** The default room's canonical name: its events come through the broadcast address. */
    private final String defaultRoom;
    /** Its display name, for messages of the old group shape ({@link GroupMessage}). */
    private final String defaultDisplay;
    private RoomSubscriptions<GatewayVerticle> rooms;
    private PresenceHold presenceHold;
    /** The room addresses consumed now, readable from the subscription guard's thread. */
    private final java.util.Set<String> roomAddresses = java.util.concurrent.ConcurrentHashMap.newKeySet();

    NodeDeliveryVerticle(GatewayNode node, Bus bus) {
        this.node = node;
        this.bus = bus;
        this.defaultRoom = node.settings().defaultRoom();
        this.defaultDisplay = node.settings().rooms().defaultRoom();
    }

    private MessageConsumer<JsonObject> all;
    private MessageConsumer<JsonObject> own;
    /** Undeployed: its consumers are gone for good and must not be registered again. */
    private volatile boolean stopped;

    @Override
    public Future<?> start() {
        rooms = new RoomSubscriptions<>(this::roomConsumer, System::nanoTime);
        presenceHold = new PresenceHold(node.settings().limits().presenceBatchMs(),
                (ms, action) -> vertx.setTimer(ms, t -> action.run()), this::presence);
        return register();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        return Future.succeededFuture();
    }

    private Future<?> register() {
        all = vertx.eventBus().consumer(NodeAddresses.ALL, m -> onDelivery(m, null));
        own = vertx.eventBus().consumer(NodeAddresses.node(node.nodeId()), m -> onDelivery(m, null));
        return Future.join(all.completion(), own.completion());
    }

    /** Registers the consumer of one room's address, on this verticle's context. */
    private RoomSubscriptions.Registration roomConsumer(String room) {
        String address = RoomAddresses.events(room);
        MessageConsumer<JsonObject> c = vertx.eventBus().consumer(address, m -> onDelivery(m, room));
        roomAddresses.add(address);
        return new RoomSubscriptions.Registration() {
            @Override
            public Future<Void> completion() {
                return c.completion();
            }

            @Override
            public Future<Void> unregister() {
                roomAddresses.remove(address);
                return c.unregister();
            }
        };
    }

    /**
     * Takes gateway instance {@code g}'s reference on {@code room} (see {@link RoomSubscriptions#acquire});
     * completes on {@code g}'s event loop. Callable from any thread.
     */
    Future<Long> acquireRoom(String room, GatewayVerticle g) {
        Promise<Long> ready = Promise.promise();
        context.runOnContext(v -> rooms.acquire(room, g).onComplete(ar -> g.runOnLoop(() -> ready.handle(ar))));
        return ready.future();
    }

    /** Gives {@code g}'s reference on {@code room} back. Callable from any thread. */
    void releaseRoom(String room, GatewayVerticle g) {
        context.runOnContext(v -> rooms.release(room, g));
    }

    /** The clustered addresses this verticle consumes, rooms included (none once stopped). Callable from any thread. */
    java.util.List<String> addresses() {
        if (stopped) return java.util.List.of();
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(NodeAddresses.ALL, NodeAddresses.node(node.nodeId())));
        all.addAll(roomAddresses);
        return all;
    }

    /**
     * Replaces the consumer of {@code address} with a new registration, for when the cluster's registry lost
     * this node's (issue 16, see dev.parley.cluster.SubscriptionGuard). A node address gets the new consumer
     * before the old one is removed, in one task of this verticle: there is no moment without a consumer here.
     * A room's is unregistered first (see {@link RoomSubscriptions#reregister(String)}).
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
            } else if (address.startsWith(RoomAddresses.events(""))) {
                rooms.reregister(address.substring(RoomAddresses.events("").length())).onComplete(ar -> done.complete());
                return;
            } else {
                done.fail("not a delivery address of this node: " + address);
                return;
            }
            fresh.completion().onComplete(done);
        });
        return done.future();
    }

    private MessageConsumer<JsonObject> replace(MessageConsumer<JsonObject> old, String address) {
        MessageConsumer<JsonObject> fresh = vertx.eventBus().consumer(address, m -> onDelivery(m, null));
        old.unregister();
        return fresh;
    }

    /** Delivers without the bus (which a healing split can leave unable to route even to this node). */
    void deliverLocally(Delivery delivery) {
        context.runOnContext(v -> dispatch(delivery, null, null));
    }

    /** @param room the room whose address it came to, null for the node addresses */
    private void onDelivery(Message<JsonObject> m, String room) {
        // This is the one consumer other nodes reach: whatever arrives is checked before use.
        Delivery delivery = bus.parse(m, "delivery", Delivery::fromJson);
        if (delivery != null) dispatch(delivery, m, room);
    }

    /**
     * @param m   the bus message to answer, or null when there is nobody to answer
     * @param via the room address it came through (null: a node address, which carries the default room's events)
     */
    private void dispatch(Delivery d, Message<JsonObject> m, String via) {
        if (d instanceof PresenceChange p && via == null) {
            presenceHold.hold(p);
            return;
        }
        // Anything else goes out after the arrivals and departures held so far, as it came.
        presenceHold.release();
        if (d instanceof PresenceChange p) {
            presence(List.of(p), via);
        } else if (d instanceof GroupMessage g) {
            StoredMessage s = g.message();
            roomMessage(defaultRoom, defaultDisplay, s, Map.of());
        } else if (d instanceof RoomMessage r) {
            roomMessage(r.room(), r.display(), r.message(), r.tags());
        } else if (d instanceof RoomTags t) {
            // Like a room message, but only IRC readers with message-tags are shown it (EncodedEvent), and it has no seq.
            EncodedEvent e = new EncodedEvent(new TagEvent(true, t.id(), t.from(), t.name(), null, t.display(), t.tags(), t.ts()),
                    t.room(), 0, t.from(), node.encoders());
            toRoom(t.room(), g -> g.broadcast(e), g -> g.rooms().toMembers(t.room(), e));
        } else if (d instanceof PrivateTags t) {
            Connection c = node.sessions().byUser(t.to());
            if (c == null) return;   // gone meanwhile: an ephemeral message is dropped, never stored
            EncodedEvent e = new EncodedEvent(new TagEvent(false, t.id(), t.from(), t.name(), t.to(), null, t.tags(), t.ts()),
                    null, node.encoders());
            c.gateway().runOnLoop(() -> {
                if (c.deliver(e)) c.gateway().counted(e, 1);
            });
        } else if (d instanceof RoomChange ch) {
            roomChange(ch);
        } else if (d instanceof PrivateMessage p) {
            StoredMessage s = p.message();
            Connection c = node.sessions().byUser(s.to());
            if (c == null || c.closed()) {
                if (m != null) m.reply(new Delivered(false).toJson());
                return;
            }
            deliverPrivate(c, new EncodedEvent(toEvent(s, null, p.tags()), null, node.encoders()), m);
        } else if (d instanceof Ping) {
            if (m != null) m.reply(new Pong(node.nodeId()).toJson());
        } else if (d instanceof Kick k) {
            Connection c = node.sessions().bySession(k.session());
            if (c != null) c.gateway().runOnLoop(() -> c.bye(k.reason(), null));
        } else if (d instanceof CloseUser close) {
            closeUser(close, m);
        } else if (d instanceof ServerNotice n) {
            broadcast(new EncodedEvent(new NoticeEvent(n.code(), n.message()), null, node.encoders()));
        }
    }

    /** Not shown back to its sender (whose session counts it as seen). */
    private void roomMessage(String room, String display, StoredMessage s, Map<String, String> tags) {
        EncodedEvent e = new EncodedEvent(toEvent(s, display, tags), room, s.seq(), s.from(), node.encoders());
        toRoom(room, g -> g.broadcast(e), g -> g.rooms().toMembers(room, e));
    }

    /**
     * Shown to the room's members but not to whom it is about when they caused it (the joiner, the parter, the
     * topic's or mode's setter, who each got a reply); a kicked user is told, and stops receiving the room.
     */
    private void roomChange(RoomChange ch) {
        RoomNotice notice = new RoomNotice(ch.kind(), ch.display(), ch.user(), ch.name(), ch.by(), ch.text(), ch.ts());
        if (Ops.INVITED.equals(ch.kind())) {
            // Sent to this node for one user, who is not (yet) in the room.
            Connection c = node.sessions().byUser(ch.user());
            EncodedEvent e = new EncodedEvent(notice, null, node.encoders());
            if (c != null) c.gateway().runOnLoop(() -> {
                if (c.protocol() != Protocol.SEED && c.deliver(e)) c.gateway().counted(e, 1);
            });
            return;
        }
        // A kick removes the member here; a part is applied by the part's own reply, which a quick rejoin follows:
        // this event, arriving one hop later, must not undo that rejoin.
        boolean leaves = Ops.KICKED.equals(ch.kind());
        boolean setterReplied = Ops.TOPIC.equals(ch.kind()) || Ops.MODE.equals(ch.kind());
        String except = Ops.KICKED.equals(ch.kind()) ? null : setterReplied ? ch.by() : ch.user();
        EncodedEvent e = new EncodedEvent(notice, ch.room(), 0, except, node.encoders());
        String room = ch.room();
        toRoom(room, g -> g.rooms().roomChange(room, ch.user(), leaves, e), g -> g.rooms().roomChange(room, ch.user(), leaves, e));
    }

    /** The default room's changes, held together by {@link PresenceHold}. */
    private void presence(List<PresenceChange> batch) {
        node.metrics().presenceBatches.increment();
        presence(batch, defaultRoom);
    }

    /**
     * Each recipient hears each change once: through the first room of its list it is in (none listed: the default
     * room). One task per event loop for the whole batch, so each reader's events of the batch leave in one write.
     */
    private void presence(List<PresenceChange> batch, String via) {
        List<EncodedEvent> events = new ArrayList<>(batch.size());
        List<List<String>> orders = new ArrayList<>(batch.size());
        for (PresenceChange p : batch) {
            List<String> order = p.rooms().isEmpty() ? List.of(defaultRoom) : p.rooms();
            events.add(new EncodedEvent(p.awayChange() ? PresenceEvent.away(p.user(), p.name(), p.away())
                    : new PresenceEvent(p.user(), p.name(), p.online(), order, null, p.reason()), p.user(), node.encoders()));
            orders.add(order);
        }
        Consumer<GatewayVerticle> each = g -> {
            for (int i = 0; i < events.size(); i++) g.rooms().presence(events.get(i), via, orders.get(i));
        };
        toRoom(via, each, each);
    }

    /** The implicit default room reaches every instance; another room only the instances holding members of it. */
    private void toRoom(String room, Consumer<GatewayVerticle> everyone, Consumer<GatewayVerticle> members) {
        if (node.settings().implicitRoom(room)) {
            for (GatewayVerticle g : node.sessions().gateways()) g.runOnLoop(() -> everyone.accept(g));
        } else {
            for (GatewayVerticle g : rooms.locals(room)) g.runOnLoop(() -> members.accept(g));
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

    /** @param room the room's display name, null for a private message; @param tags its client-only tags (live only) */
    private static MessageEvent toEvent(StoredMessage s, String room, Map<String, String> tags) {
        return new MessageEvent(s.to() == null, s.id(), s.from(), s.name(), s.to(), s.text(), s.ts(), false, room, tags);
    }
}
