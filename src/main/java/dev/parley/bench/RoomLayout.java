package dev.parley.bench;

/**
 * Who is in which room and who sends where, for the group-traffic scenarios. Users are numbered 0..users-1,
 * rooms 0..rooms-1; a <em>stream</em> is one sender's messages to one room (stream k: room k / S, its
 * (k mod S)-th member). Membership slots are dealt room by room ({@code slot = j * rooms + room} for the
 * room's j-th member) and each user takes {@code roomsPerUser} consecutive slots, so a user's rooms are
 * distinct and, with one room per user, room r's members are r, r + R, r + 2R, ... With M rooms per user,
 * M consecutive rooms have the same members when M divides R (10,000 rooms of 10 at M = 10: groups of 10 users
 * sharing 10 rooms): the load is the same, the cohorts are not realistic.
 */
final class RoomLayout {
    final int rooms;
    final int roomSize;
    final int roomsPerUser;
    final int sendersPerRoom;
    final int users;
    /** The rooms' names; null for the one room of fanout, the default room (say without a room). */
    private final String[] names;
    private final int[][] roomsOf;
    private final int[][] members;
    private final int[][] streamsOf;

    private RoomLayout(int rooms, int roomSize, int roomsPerUser, int sendersPerRoom, String prefix) {
        check(rooms, roomSize, roomsPerUser, sendersPerRoom);
        this.rooms = rooms;
        this.roomSize = roomSize;
        this.roomsPerUser = roomsPerUser;
        this.sendersPerRoom = sendersPerRoom;
        long slots = (long) rooms * roomSize;
        this.users = (int) ((slots + roomsPerUser - 1) / roomsPerUser);
        names = new String[rooms];
        members = new int[rooms][roomSize];
        for (int r = 0; r < rooms; r++) {
            if (prefix != null) names[r] = roomName(prefix, r);
            for (int j = 0; j < roomSize; j++) members[r][j] = (int) (((long) j * rooms + r) / roomsPerUser);
        }
        roomsOf = new int[users][];
        for (int u = 0; u < users; u++) {
            int n = (int) Math.min(roomsPerUser, slots - (long) u * roomsPerUser);
            roomsOf[u] = new int[n];
            for (int i = 0; i < n; i++) roomsOf[u][i] = (int) (((long) u * roomsPerUser + i) % rooms);
        }
        int[] count = new int[users];
        for (int r = 0; r < rooms; r++) for (int j = 0; j < sendersPerRoom; j++) count[members[r][j]]++;
        streamsOf = new int[users][];
        for (int u = 0; u < users; u++) streamsOf[u] = new int[count[u]];
        java.util.Arrays.fill(count, 0);
        for (int k = 0; k < streams(); k++) {
            int u = streamUser(k);
            streamsOf[u][count[u]++] = k;
        }
    }

    /** The fanout scenario: everyone in the default room, the first {@code senders} sending. */
    static RoomLayout defaultRoom(int members, int senders) {
        return new RoomLayout(1, members, 1, senders, null);
    }

    static RoomLayout of(int rooms, int roomSize, int roomsPerUser, int sendersPerRoom, String prefix) {
        return new RoomLayout(rooms, roomSize, roomsPerUser, sendersPerRoom, prefix);
    }

    /** Refuses a layout that cannot be built (the options' wording). */
    static void check(int rooms, int roomSize, int roomsPerUser, int sendersPerRoom) {
        if (roomsPerUser > rooms) throw new IllegalArgumentException("--rooms-per-user: at most --rooms (" + rooms + ")");
        if (sendersPerRoom > roomSize) throw new IllegalArgumentException("--senders-per-room: at most --room-size (" + roomSize + ")");
    }

    /** Users needed, without building the layout (for option checks). */
    static long usersFor(int rooms, int roomSize, int roomsPerUser) {
        return ((long) rooms * roomSize + roomsPerUser - 1) / roomsPerUser;
    }

    /** "#prefix-r": the room names are shared by every generator given the same --room-prefix. */
    static String roomName(String prefix, int r) {
        return "#" + prefix + "-" + r;
    }

    /** Null: the default room. */
    String name(int room) {
        return names[room];
    }

    int streams() {
        return rooms * sendersPerRoom;
    }

    int streamRoom(int stream) {
        return stream / sendersPerRoom;
    }

    int streamUser(int stream) {
        return members[streamRoom(stream)][stream % sendersPerRoom];
    }

    int[] roomsOf(int user) {
        return roomsOf[user];
    }

    int[] members(int room) {
        return members[room];
    }

    /** The streams {@code user} sends (in a say's rid: which of these it answers). */
    int[] streamsOf(int user) {
        return streamsOf[user];
    }

    /** Where {@code receiver} keeps what it saw of {@code stream} (0 .. roomsPerUser * S - 1), -1 when not its room. */
    int slot(int receiver, int stream) {
        int room = streamRoom(stream);
        int[] mine = roomsOf[receiver];
        for (int p = 0; p < mine.length; p++) {
            if (mine[p] == room) return p * sendersPerRoom + stream % sendersPerRoom;
        }
        return -1;
    }
}
