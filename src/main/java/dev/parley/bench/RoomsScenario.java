package dev.parley.bench;

/**
 * R rooms of K members, each user in M of them (R×K/M users), S senders per room at R msg/s each (or W
 * in flight): a join pass makes the members, then everyone logs in and the traffic runs, every delivery
 * checked (lost, duplicated, delivered outside its room). Room names come from --room-prefix, so several
 * generator processes (each with its own --users-prefix) can fill the same rooms.
 */
final class RoomsScenario {
    private RoomsScenario() {
    }

    static BenchResult run(BenchOptions o, Generator g) {
        RoomLayout layout = RoomLayout.of(o.rooms, o.roomSize, o.roomsPerUser, o.sendersPerRoom, o.roomPrefix);
        BenchResult r = new BenchResult("rooms").param("rooms", o.rooms).param("room size", o.roomSize)
                .param("rooms per user", o.roomsPerUser).param("senders per room", o.sendersPerRoom)
                .param("users", layout.users).param("room prefix", o.roomPrefix);
        return new RoomTraffic(o, g, layout, "r").run(r, users -> {
            if (o.skipJoin) return true;
            if (!JoinPass.run(o, g, users, layout::roomsOf, layout::name, r)) return false;
            // The join pass registered them: the measured logins only log in.
            o.skipRegister = true;
            return true;
        });
    }
}
