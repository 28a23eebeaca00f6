package dev.parley.service.room;

import dev.parley.store.Room;
import dev.parley.store.RoomStore;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/** RoomStore in memory, each call one synchronized step, as the contract asks of the real ones. */
public class FakeRoomStore implements RoomStore {
    private final Map<String, Room> rooms = new TreeMap<>();
    private final Map<String, TreeSet<String>> members = new TreeMap<>();
    private final Map<String, TreeSet<String>> roomsOf = new TreeMap<>();

    @Override
    public synchronized Future<Boolean> create(Room room, long maxRooms) {
        if (rooms.containsKey(room.name()) || rooms.size() >= maxRooms) return Future.succeededFuture(false);
        rooms.put(room.name(), room);
        members.put(room.name(), new TreeSet<>());
        return Future.succeededFuture(true);
    }

    @Override
    public synchronized Future<Room> get(String room) {
        return Future.succeededFuture(rooms.get(room));
    }

    @Override
    public synchronized Future<JoinOutcome> join(String room, String user, int maxRoomsPerUser) {
        if (!rooms.containsKey(room)) return Future.succeededFuture(JoinOutcome.NO_SUCH_ROOM);
        if (members.get(room).contains(user)) return Future.succeededFuture(JoinOutcome.ALREADY_MEMBER);
        if (roomSet(user).size() >= maxRoomsPerUser) return Future.succeededFuture(JoinOutcome.TOO_MANY_ROOMS);
        members.get(room).add(user);
        roomsOf.computeIfAbsent(user, u -> new TreeSet<>()).add(room);
        return Future.succeededFuture(JoinOutcome.JOINED);
    }

    private Set<String> roomSet(String user) {
        return roomsOf.getOrDefault(user, new TreeSet<>());
    }

    @Override
    public synchronized Future<Boolean> part(String room, String user, boolean deleteIfEmpty) {
        return Future.succeededFuture(remove(room, user, deleteIfEmpty));
    }

    private boolean remove(String room, String user, boolean deleteIfEmpty) {
        Set<String> m = members.get(room);
        if (m == null || !m.remove(user)) return false;
        roomSet(user).remove(room);
        if (deleteIfEmpty && m.isEmpty()) {
            rooms.remove(room);
            members.remove(room);
        }
        return true;
    }

    @Override
    public synchronized Future<Boolean> isMember(String room, String user) {
        Set<String> m = members.get(room);
        return Future.succeededFuture(m != null && m.contains(user));
    }

    @Override
    public synchronized Future<List<String>> roomsOf(String user) {
        return Future.succeededFuture(List.copyOf(roomSet(user)));
    }

    @Override
    public synchronized Future<List<String>> members(String room, String after, int limit) {
        TreeSet<String> m = members.getOrDefault(room, new TreeSet<>());
        Set<String> from = after == null ? m : m.tailSet(after, false);
        return Future.succeededFuture(from.stream().limit(limit).toList());
    }

    @Override
    public synchronized Future<Long> memberCount(String room) {
        return Future.succeededFuture((long) members.getOrDefault(room, new TreeSet<>()).size());
    }

    @Override
    public synchronized Future<List<Room>> list(String after, int limit) {
        return Future.succeededFuture(rooms.values().stream().filter(r -> after == null || r.name().compareTo(after) > 0)
                .limit(limit).toList());
    }

    @Override
    public synchronized Future<Long> roomCount() {
        return Future.succeededFuture((long) rooms.size());
    }

    @Override
    public synchronized Future<Void> setTopic(String room, String topic, String by, long ts) {
        update(room, r -> new Room(r.name(), r.display(), topic, by, ts, r.owner(), r.operators(), r.banned(), r.invited(),
                r.inviteOnly(), r.createdAt()));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> setInviteOnly(String room, boolean inviteOnly) {
        update(room, r -> new Room(r.name(), r.display(), r.topic(), r.topicBy(), r.topicTs(), r.owner(), r.operators(),
                r.banned(), r.invited(), inviteOnly, r.createdAt()));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Boolean> setOperator(String room, String user, boolean operator) {
        Room before = rooms.get(room);
        update(room, r -> new Room(r.name(), r.display(), r.topic(), r.topicBy(), r.topicTs(), r.owner(),
                with(r.operators(), user, operator), r.banned(), r.invited(), r.inviteOnly(), r.createdAt()));
        return Future.succeededFuture(before != null && before.operators().contains(user) != operator);
    }

    @Override
    public synchronized Future<Boolean> setBanned(String room, String user, boolean banned) {
        Room before = rooms.get(room);
        if (banned) remove(room, user, false);
        update(room, r -> new Room(r.name(), r.display(), r.topic(), r.topicBy(), r.topicTs(), r.owner(), r.operators(),
                with(r.banned(), user, banned), r.invited(), r.inviteOnly(), r.createdAt()));
        return Future.succeededFuture(before != null && before.banned().contains(user) != banned);
    }

    @Override
    public synchronized Future<Void> invite(String room, String user) {
        update(room, r -> new Room(r.name(), r.display(), r.topic(), r.topicBy(), r.topicTs(), r.owner(), r.operators(),
                r.banned(), with(r.invited(), user, true), r.inviteOnly(), r.createdAt()));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Boolean> useInvitation(String room, String user) {
        Room before = rooms.get(room);
        update(room, r -> new Room(r.name(), r.display(), r.topic(), r.topicBy(), r.topicTs(), r.owner(), r.operators(),
                r.banned(), with(r.invited(), user, false), r.inviteOnly(), r.createdAt()));
        return Future.succeededFuture(before != null && before.invited().contains(user));
    }

    @Override
    public synchronized Future<List<String>> removeUser(String user, boolean deleteIfEmpty) {
        List<String> left = new ArrayList<>(roomSet(user));
        for (String room : left) remove(room, user, deleteIfEmpty);
        roomsOf.remove(user);
        return Future.succeededFuture(left);
    }

    /** The room, for {@link FakeRoomSpeech}: not a {@link #get}, which tests may count as the service's reads. */
    synchronized Room room(String room) {
        return rooms.get(room);
    }

    /** Membership, for {@link FakeRoomSpeech}: not an {@link #isMember}. */
    synchronized boolean hasMember(String room, String user) {
        Set<String> m = members.get(room);
        return m != null && m.contains(user);
    }

    private void update(String room, UnaryOperator<Room> change) {
        rooms.computeIfPresent(room, (k, r) -> change.apply(r));
    }

    private static Set<String> with(Set<String> set, String user, boolean in) {
        Set<String> s = new HashSet<>(set);
        if (in) s.add(user);
        else s.remove(user);
        return Set.copyOf(s);
    }
}
