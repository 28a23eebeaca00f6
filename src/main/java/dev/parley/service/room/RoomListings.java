package dev.parley.service.room;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import dev.parley.store.ReadPositionStore;
import dev.parley.store.Room;
import dev.parley.store.RoomHistoryStore;
import dev.parley.store.RoomStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Listings, paged by name with rooms.listMax entries at most and the true total always given: the rooms,
 * a room's members, and a user's own rooms at login.
 */
final class RoomListings {
    /** The implicit default room's members are its online users: the listing reads at most this many of them. */
    static final int ONLINE_SCAN_MAX = 100_000;

    private final ParleyConfig.Rooms config;
    private final DefaultRoom defaultRoom;
    private final RoomStore rooms;
    private final RoomHistoryStore history;
    private final ReadPositionStore reads;
    private final PresenceStore presence;
    private final RoomAccess access;

    RoomListings(ParleyConfig.Rooms config, RoomStore rooms, RoomHistoryStore history, ReadPositionStore reads,
                 PresenceStore presence, RoomAccess access) {
        this.config = config;
        this.defaultRoom = DefaultRoom.of(config);
        this.rooms = rooms;
        this.history = history;
        this.reads = reads;
        this.presence = presence;
        this.access = access;
    }

    // rooms {after?, limit?}: name, display, topic and member count (online not counted: -1).
    Future<JsonObject> list(ListRoomsRequest r) {
        int size = Paging.size(r.limit(), config.listMax());
        String after = r.after() == null ? null : r.after().toLowerCase(Locale.ROOT);
        return Future.all(rooms.list(after, size + 1), rooms.roomCount()).compose(all -> {
            Paging.Page<Room> page = Paging.Page.of(all.<List<Room>>resultAt(0), size, Room::name);
            long total = all.resultAt(1);
            List<Future<RoomView>> views = page.entries().stream().map(this::view).toList();
            return Future.all(views).map(v -> new RoomListReply(views.stream().map(Future::result).toList(), total, page.next()).toJson());
        });
    }

    /** The implicit default room counts its online users as members (every account is one; nobody counts accounts). */
    Future<RoomView> view(Room room) {
        if (defaultRoom.implicitlyJoined(room.name())) {
            return presence.count().map(n -> new RoomView(room.name(), room.display(), room.topic(), n, n));
        }
        return rooms.memberCount(room.name()).map(n -> new RoomView(room.name(), room.display(), room.topic(), n, -1));
    }

    // members {room, after?, limit?}: with online and op flags and the room's modes (bans to operators only);
    // an invite-only room lists to its members only.
    Future<JsonObject> members(MembersRequest r) {
        String name = RoomNames.canonical(r.room());
        int size = Paging.size(r.limit(), config.listMax());
        return access.existing(name).compose(room -> access.isMember(name, r.user()).compose(member -> {
            if (!RoomPolicy.visibleTo(room, member)) return Future.failedFuture(Bus.error(ChatError.NOT_IN_ROOM, null));
            Future<MembersReply> page = defaultRoom.implicitlyJoined(name) ? onlineMembers(room, r.after(), size)
                    : storedMembers(room, r.after(), size);
            return page.map(p -> withModes(p, room, r.user()));
        })).map(MembersReply::toJson);
    }

    /** The room's modes beside its members; the bans for operators only (who was banned is the operators' business). */
    private MembersReply withModes(MembersReply page, Room room, String asker) {
        List<String> banned = room.isOperator(asker)
                ? room.banned().stream().sorted().limit(config.listMax()).toList() : null;
        return new MembersReply(page.room(), page.members(), page.count(), page.next(), room.inviteOnly(), room.createdAt(), banned);
    }

    private Future<MembersReply> storedMembers(Room room, String after, int size) {
        return Future.all(rooms.members(room.name(), after, size + 1), rooms.memberCount(room.name())).compose(all -> {
            Paging.Page<String> page = Paging.Page.of(all.<List<String>>resultAt(0), size, u -> u);
            long count = all.resultAt(1);
            List<Future<PresenceEntry>> online = page.entries().stream().map(presence::get).toList();
            return Future.all(online).map(v -> {
                List<Member> members = new ArrayList<>();
                for (int i = 0; i < page.entries().size(); i++) {
                    String user = page.entries().get(i);
                    PresenceEntry e = online.get(i).result();
                    members.add(new Member(user, e == null ? null : e.name(), e != null, room.isOperator(user), e == null ? null : e.away()));
                }
                return new MembersReply(room.name(), members, count, page.next());
            });
        });
    }

    private Future<MembersReply> onlineMembers(Room room, String after, int size) {
        return Future.all(presence.list(ONLINE_SCAN_MAX), presence.count()).map(all -> {
            List<PresenceEntry> online = new ArrayList<>(all.<List<PresenceEntry>>resultAt(0));
            online.sort(Comparator.comparing(PresenceEntry::user));
            List<PresenceEntry> from = online.stream().filter(e -> after == null || e.user().compareTo(after) > 0).limit(size + 1L).toList();
            Paging.Page<PresenceEntry> page = Paging.Page.of(from, size, PresenceEntry::user);
            List<Member> members = page.entries().stream().map(e -> new Member(e.user(), e.name(), true, room.isOperator(e.user()), e.away())).toList();
            return new MembersReply(room.name(), members, all.<Long>resultAt(1), page.next());
        });
    }

    // mine: the user's rooms at login, the implicit default room first, each with its head and the user's read position.
    Future<JsonObject> mine(MyRoomsRequest r) {
        return Future.all(rooms.roomsOf(r.user()), reads.all(r.user())).compose(all -> {
            List<String> names = new ArrayList<>();
            if (defaultRoom.implicit()) names.add(defaultRoom.name());
            for (String n : all.<List<String>>resultAt(0)) if (!names.contains(n)) names.add(n);
            Map<String, Long> positions = all.resultAt(1);
            List<Future<MyRoom>> mine = names.stream().map(n -> myRoom(n, positions.get(n))).toList();
            return Future.all(mine).map(v -> new MyRoomsReply(mine.stream().map(Future::result)
                    .filter(Objects::nonNull).toList()).toJson());
        });
    }

    /** Null when the room went meanwhile. */
    private Future<MyRoom> myRoom(String name, Long read) {
        // Everyone's room always exists and is named by the configuration: only its head to read (one round trip less per login).
        if (defaultRoom.implicitlyJoined(name)) return history.head(name).map(h -> new MyRoom(name, defaultRoom.display(), h, read));
        return Future.all(rooms.get(name), history.head(name)).map(all -> {
            Room room = all.resultAt(0);
            return room == null ? null : new MyRoom(name, room.display(), all.<Long>resultAt(1), read);
        });
    }
}
