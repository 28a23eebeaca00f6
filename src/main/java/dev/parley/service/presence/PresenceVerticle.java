package dev.parley.service.presence;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.ByeReason;
import dev.parley.protocol.RoomName;
import dev.parley.service.Bus;
import dev.parley.service.delivery.Kick;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.PresenceChange;
import dev.parley.store.LastSeenStore;
import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import dev.parley.store.RoomStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who is online and where. The table lives in a {@link PresenceStore} (memory on one node, Redis in a
 * cluster); announcements are published once to every node. Consumers are node-local: each node's
 * gateway talks to its own presence service, which shares the store with the others.
 */
public final class PresenceVerticle extends VerticleBase {
    private final Bus bus;
    private final int listMax;
    private final int fanoutMax;
    private final PresenceStore presence;
    private final LastSeenStore lastSeen;
    /** Null: no rooms service on this node; arrivals and departures go to the default room only. */
    private final RoomStore rooms;
    private final ParleyConfig.Rooms roomsConfig;
    private final OnlineSnapshot snapshot;
    private PresenceAnnouncer announcer;
    private RoomPresence roomPresence;

    public PresenceVerticle(Bus bus, int listMax, int fanoutMax, PresenceStore presence, LastSeenStore lastSeen) {
        this(bus, listMax, fanoutMax, presence, lastSeen, null, null, 0, OnlineListCounts.NONE);
    }

    /**
     * Also announces to the user's rooms (issue 14): see {@link RoomPresence}.
     *
     * @param onlineListCacheMs how long logins and who may share one read of the online list while many are online
     *                          ({@link OnlineSnapshot}; 0: never)
     * @param listCounts        told where each list came from (metrics)
     */
    public PresenceVerticle(Bus bus, int listMax, int fanoutMax, PresenceStore presence, LastSeenStore lastSeen,
                            RoomStore rooms, ParleyConfig.Rooms roomsConfig, int onlineListCacheMs,
                            OnlineListCounts listCounts) {
        this.bus = bus;
        this.listMax = listMax;
        this.fanoutMax = fanoutMax;
        this.presence = presence;
        this.lastSeen = lastSeen;
        this.rooms = rooms;
        this.roomsConfig = roomsConfig;
        this.snapshot = new OnlineSnapshot(onlineListCacheMs, Math.max(listMax, fanoutMax), System::nanoTime, listCounts);
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        announcer = new PresenceAnnouncer(fanoutMax, d -> bus.publish(NodeAddresses.ALL, d.toJson()));
        if (rooms != null) {
            roomPresence = new RoomPresence(RoomName.canonical(roomsConfig.defaultRoom()), roomsConfig.presenceFanoutMax(),
                    rooms, announcer, RoomPresence.overBus(bus));
        }
        return Future.join(
                bus.<JsonObject>localConsumer(PresenceAddresses.JOIN, this::join).completion(),
                bus.<JsonObject>localConsumer(PresenceAddresses.LEAVE, this::leave).completion(),
                bus.<JsonObject>localConsumer(PresenceAddresses.AWAY, this::away).completion(),
                bus.<JsonObject>localConsumer(PresenceAddresses.WHO, this::who).completion(),
                bus.<JsonObject>localConsumer(PresenceAddresses.LOCATE, this::locate).completion());
    }

    private void join(Message<JsonObject> m) {
        JoinRequest join = bus.parse(m, "presence", JoinRequest::fromJson);
        if (join == null) return;
        PresenceEntry entry = new PresenceEntry(join.user(), join.name(), join.node(), join.session());
        presence.join(entry)
                .compose(previous -> {
                    if (previous != null && !previous.session().equals(entry.session())) {
                        // A takeover: the old session goes, the others see no offline/online flap.
                        vertx.eventBus().send(NodeAddresses.node(previous.node()),
                                new Kick(previous.user(), previous.session(), ByeReason.REPLACED).toJson());
                    }
                    if (previous == null) snapshot.arrived();
                    return listing(entry.user()).compose(listing -> {
                        if (previous != null) return Future.succeededFuture(listing);
                        if (roomPresence == null) {
                            announcer.arrived(entry, listing.count());
                            return Future.succeededFuture(listing);
                        }
                        return roomPresence.arrived(entry, listing.count()).map(listing);
                    });
                })
                .onSuccess(listing -> m.reply(listing.toJson()))
                .onFailure(t -> bus.failWith(m, t));
    }

    private void leave(Message<JsonObject> m) {
        LeaveRequest leave = bus.parse(m, "presence", LeaveRequest::fromJson);
        if (leave == null) return;
        // A position of 0 means "saw nothing yet", never "replay everything next time".
        Future<Void> saved = leave.lastGroupSeq() <= 0 ? Future.succeededFuture()
                : lastSeen.advance(leave.user(), leave.lastGroupSeq());
        presence.leaveCounting(leave.user(), leave.session())
                .compose(left -> {
                    PresenceEntry gone = left.entry();
                    if (gone == null) return Future.succeededFuture((PresenceEntry) null);
                    snapshot.left(gone, left.onlineAfter());
                    if (roomPresence != null) return roomPresence.left(gone, left.onlineAfter()).map(gone);
                    announcer.left(List.of(gone), left.onlineAfter());
                    return Future.succeededFuture(gone);
                })
                .compose(gone -> saved.map(v -> new LeaveReply(gone != null)))
                .onSuccess(reply -> m.reply(reply.toJson()))
                .onFailure(t -> bus.failWith(m, t));
    }

    private void away(Message<JsonObject> m) {
        AwayRequest away = bus.parse(m, "presence", AwayRequest::fromJson);
        if (away == null) return;
        presence.setAway(away.user(), away.session(), away.text())
                .compose(before -> {
                    // Said once per change: a repeated AWAY with the same text (clients resend it) is not news.
                    if (before == null || Objects.equals(before.away(), away.text())) return Future.succeededFuture(before != null);
                    PresenceEntry now = before.withAway(away.text());
                    return presence.count().compose(count -> {
                        if (roomPresence != null) return roomPresence.awayChanged(now, count);
                        if (announcer.announces(count)) {
                            vertx.eventBus().publish(NodeAddresses.ALL,
                                    PresenceChange.away(now.user(), now.name(), now.away(), List.of()).toJson());
                        }
                        return Future.<Void>succeededFuture();
                    }).map(true);
                })
                .onSuccess(current -> m.reply(new AwayReply(current).toJson()))
                .onFailure(t -> bus.failWith(m, t));
    }

    private void who(Message<JsonObject> m) {
        listing(null).onSuccess(listing -> m.reply(listing.toJson())).onFailure(t -> bus.failWith(m, t));
    }

    private void locate(Message<JsonObject> m) {
        LocateRequest locate = bus.parse(m, "presence", LocateRequest::fromJson);
        if (locate == null) return;
        presence.get(locate.user())
                .onSuccess(e -> m.reply((e == null ? Location.OFFLINE : new Location(e.node(), e.session(), e.away())).toJson()))
                .onFailure(t -> bus.failWith(m, t));
    }

    /** Who is online without {@code except}, capped at the list maximum. */
    private Future<OnlineListing> listing(String except) {
        return snapshot.online(() -> presence.online(listMax + 1)).map(all -> {
            long count = all.count();
            List<PresenceEntry> entries = all.entries();
            List<OnlineListing.OnlineUser> online = new ArrayList<>();
            for (PresenceEntry e : entries) {
                if (online.size() >= listMax) break;
                if (e.user().equals(except)) continue;
                online.add(new OnlineListing.OnlineUser(e.user(), e.name(), e.away()));
            }
            return new OnlineListing(count, online);
        });
    }
}
