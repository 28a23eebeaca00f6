package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import dev.parley.store.Room;
import dev.parley.store.RoomSpeech;
import dev.parley.store.RoomStore;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Rooms in four maps however many rooms exist: name -> metadata JSON, "room\0user" and "user\0room" for
 * membership in both directions (each an ordered range, so paging is a cursor), and counts ("m\0room" members,
 * "u\0user" rooms) so caps and counts cost one read. Every change is one step under the store's lock (atomic
 * to every reader at once) and is written to disk by MVStore's background writer within about a second, like
 * history: a commit per join made the room layer do ~10 joins/s once 10,000 rooms existed (each commit
 * rewrites the changed pages), against ~1,000/s without. A crash can lose the last second of joins and
 * parts, which users redo; accounts and private mail stay committed before they are answered. The default
 * room is never deleted by a part.
 */
final class MvRoomStore implements RoomStore {
    private final MVMap<String, String> rooms;
    private final MVMap<String, Boolean> members;
    private final MVMap<String, Boolean> memberships;
    private final MVMap<String, Long> counts;
    private final Blocking blocking;
    private final String defaultRoom;

    MvRoomStore(MVStore store, Blocking blocking, String defaultRoom) {
        this.rooms = store.openMap("rooms");
        this.members = store.openMap("room-members");
        this.memberships = store.openMap("user-rooms");
        this.counts = store.openMap("room-counts");
        this.blocking = blocking;
        this.defaultRoom = defaultRoom;
    }

    @Override
    public Future<Boolean> create(Room room, long maxRooms) {
        return write(() -> {
            if (rooms.containsKey(room.name()) || rooms.size() >= maxRooms) return false;
            rooms.put(room.name(), MvRoomJson.encode(room));
            return true;
        });
    }

    @Override
    public Future<Room> get(String room) {
        return blocking.read(() -> {
            String json = rooms.get(room);
            return json == null ? null : MvRoomJson.decode(json);
        });
    }

    @Override
    public Future<JoinOutcome> join(String room, String user, int maxRoomsPerUser) {
        return write(() -> {
            if (!rooms.containsKey(room)) return JoinOutcome.NO_SUCH_ROOM;
            if (members.containsKey(pair(room, user))) return JoinOutcome.ALREADY_MEMBER;
            if (!room.equals(defaultRoom) && roomsCounted(user) >= maxRoomsPerUser) return JoinOutcome.TOO_MANY_ROOMS;
            members.put(pair(room, user), Boolean.TRUE);
            memberships.put(pair(user, room), Boolean.TRUE);
            add(roomCount(room), 1);
            add(userCount(user), 1);
            change(room, r -> r.invited().contains(user) ? with(r, r.operators(), r.banned(), without(r.invited(), user)) : r);
            return JoinOutcome.JOINED;
        });
    }

    @Override
    public Future<Boolean> part(String room, String user, boolean deleteIfEmpty) {
        return write(() -> leave(room, user, deleteIfEmpty));
    }

    @Override
    public Future<Boolean> isMember(String room, String user) {
        return blocking.read(() -> members.containsKey(pair(room, user)));
    }

    @Override
    public Future<List<String>> roomsOf(String user) {
        return blocking.read(() -> range(memberships, user, null, Integer.MAX_VALUE));
    }

    @Override
    public Future<List<String>> members(String room, String after, int limit) {
        return blocking.read(() -> range(members, room, after, limit));
    }

    @Override
    public Future<Long> memberCount(String room) {
        return blocking.read(() -> count(roomCount(room)));
    }

    @Override
    public Future<List<Room>> list(String after, int limit) {
        return blocking.read(() -> {
            List<Room> out = new ArrayList<>();
            Cursor<String, String> c = rooms.cursor(after);
            while (out.size() < limit && c.hasNext()) {
                if (c.next().equals(after)) continue;
                out.add(MvRoomJson.decode(c.getValue()));
            }
            return out;
        });
    }

    @Override
    public Future<Long> roomCount() {
        return blocking.read(() -> (long) rooms.size());
    }

    @Override
    public Future<Void> setTopic(String room, String topic, String by, long ts) {
        return write(() -> {
            change(room, r -> new Room(r.name(), r.display(), topic, by, ts, r.owner(), r.operators(), r.banned(),
                    r.invited(), r.inviteOnly(), r.createdAt()));
            return null;
        });
    }

    @Override
    public Future<Void> setInviteOnly(String room, boolean inviteOnly) {
        return write(() -> {
            change(room, r -> new Room(r.name(), r.display(), r.topic(), r.topicBy(), r.topicTs(), r.owner(), r.operators(),
                    r.banned(), r.invited(), inviteOnly, r.createdAt()));
            return null;
        });
    }

    @Override
    public Future<Boolean> setOperator(String room, String user, boolean operator) {
        return write(() -> change(room, r -> with(r, toggle(r.operators(), user, operator), r.banned(), r.invited())));
    }

    @Override
    public Future<Boolean> setBanned(String room, String user, boolean banned) {
        return write(() -> {
            if (!banned) return change(room, r -> with(r, r.operators(), without(r.banned(), user), r.invited()));
            // A ban also withdraws an invitation: the banned user could otherwise come back through it after an unban.
            boolean listed = change(room, r -> with(r, r.operators(), toggle(r.banned(), user, true), without(r.invited(), user)));
            boolean removed = rooms.containsKey(room) && leave(room, user, false);
            return listed || removed;
        });
    }

    @Override
    public Future<Void> invite(String room, String user) {
        return write(() -> {
            change(room, r -> with(r, r.operators(), r.banned(), toggle(r.invited(), user, true)));
            return null;
        });
    }

    @Override
    public Future<Boolean> useInvitation(String room, String user) {
        return write(() -> change(room, r -> with(r, r.operators(), r.banned(), without(r.invited(), user))));
    }

    @Override
    public Future<List<String>> removeUser(String user, boolean deleteIfEmpty) {
        return write(() -> {
            List<String> left = range(memberships, user, null, Integer.MAX_VALUE);
            for (String room : left) leave(room, user, deleteIfEmpty);
            return left;
        });
    }

    /**
     * Runs {@code append} if {@code user} is a member of {@code room}, in one step under the lock that every join,
     * part, kick and ban takes: none can land between the check and the append ({@link RoomSpeech}). Blocking.
     */
    RoomSpeech.Said appendAsMember(String room, String user, Supplier<StoredMessage> append) {
        synchronized (this) {
            if (!members.containsKey(pair(room, user))) {
                return RoomSpeech.Said.refused(rooms.containsKey(room) ? RoomSpeech.Outcome.NOT_IN_ROOM : RoomSpeech.Outcome.NO_SUCH_ROOM);
            }
            String json = rooms.get(room);
            // Deleting a room removes its last member in the same step, so a member's room exists; checked all the same.
            if (json == null) return RoomSpeech.Said.refused(RoomSpeech.Outcome.NO_SUCH_ROOM);
            return RoomSpeech.Said.said(append.get(), MvRoomJson.display(json));
        }
    }

    /** One locked step; the lock makes check-then-act sequences (caps, existence) atomic (on disk: see the class comment). */
    private <T> Future<T> write(Callable<T> step) {
        return blocking.run(() -> {
            synchronized (this) {
                return step.call();
            }
        });
    }

    /** Removes the membership (both directions) and, when asked, the emptied room; true when the user was a member. */
    private boolean leave(String room, String user, boolean deleteIfEmpty) {
        memberships.remove(pair(user, room));
        if (members.remove(pair(room, user)) == null) return false;
        add(userCount(user), -1);
        long left = add(roomCount(room), -1);
        if (deleteIfEmpty && left == 0 && !room.equals(defaultRoom)) rooms.remove(room);
        return true;
    }

    /** Rewrites an existing room's metadata; true when it changed (false also when the room does not exist). */
    private boolean change(String room, UnaryOperator<Room> edit) {
        String json = rooms.get(room);
        if (json == null) return false;
        Room before = MvRoomJson.decode(json);
        Room after = edit.apply(before);
        if (after.equals(before)) return false;
        rooms.put(room, MvRoomJson.encode(after));
        return true;
    }

    /** Keys "prefix\0x" of the map, x after {@code after} (exclusive, null: from the start), at most {@code limit}. */
    private static List<String> range(MVMap<String, Boolean> map, String prefix, String after, int limit) {
        List<String> out = new ArrayList<>();
        String start = prefix + '\0';
        Cursor<String, Boolean> c = map.cursor(after == null ? start : start + after);
        while (out.size() < limit && c.hasNext()) {
            String k = c.next();
            if (!k.startsWith(start)) break;
            String x = k.substring(start.length());
            if (!x.equals(after)) out.add(x);
        }
        return out;
    }

    /** The user's rooms as the per-user cap counts them: the default room is not counted (rooms.perUser). */
    private long roomsCounted(String user) {
        return count(userCount(user)) - (memberships.containsKey(pair(user, defaultRoom)) ? 1 : 0);
    }

    private long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    /** Adds to a count, removing it at zero so deleted rooms and users leave nothing behind; returns the new value. */
    private long add(String key, long delta) {
        long n = Math.max(0, count(key) + delta);
        if (n == 0) counts.remove(key);
        else counts.put(key, n);
        return n;
    }

    private static Room with(Room r, Set<String> operators, Set<String> banned, Set<String> invited) {
        return new Room(r.name(), r.display(), r.topic(), r.topicBy(), r.topicTs(), r.owner(), operators, banned, invited,
                r.inviteOnly(), r.createdAt());
    }

    private static Set<String> toggle(Set<String> set, String user, boolean present) {
        Set<String> out = new TreeSet<>(set);
        if (present) out.add(user);
        else out.remove(user);
        return out;
    }

    private static Set<String> without(Set<String> set, String user) {
        return toggle(set, user, false);
    }

    private static String pair(String a, String b) {
        return a + '\0' + b;
    }

    private static String roomCount(String room) {
        return "m\0" + room;
    }

    private static String userCount(String user) {
        return "u\0" + user;
    }
}
