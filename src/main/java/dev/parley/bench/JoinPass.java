package dev.parley.bench;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Makes every user a member of its rooms before the measured logins: each logs in, joins its rooms and
 * hangs up, with at most --concurrency logins in flight. Membership outlives the session, and only a few
 * users are online at a time, so the joins' {@code joined} events (sent to the room's online members) stay
 * proportional to the room's size instead of its square (19,000 members online: 180 million events).
 */
final class JoinPass {
    private JoinPass() {
    }

    /** False (with the failures in {@code r}) when a login or a join failed. */
    static boolean run(BenchOptions o, Generator g, List<String> users, IntFunction<int[]> roomsOf, IntFunction<String> name,
                       BenchResult r) {
        RoomRequests requests = new RoomRequests();
        Sessions sessions = new Sessions(g, o);
        int[] remaining = new int[users.size()];
        System.err.println("  join pass: " + users.size() + " users log in, join their rooms and log out");
        g.call(() -> sessions.open(users, c -> {
            int[] rooms = roomsOf.apply(c.index);
            remaining[c.index] = rooms.length;
            if (rooms.length == 0) {
                c.close();
                return;
            }
            c.listen((b, from, to) -> requests.onLine(b, from, to, (p, ok, code, now) -> {
                if (--remaining[p.user()] == 0) c.close();
            }));
            for (int room : rooms) requests.join(c, room, name.apply(room));
        }), o.setupTimeoutSeconds);
        g.call(() -> g.drain(() -> requests.pending() == 0, () -> requests.answered, 30, o.setupTimeoutSeconds),
                o.setupTimeoutSeconds + 30);
        g.onLoop(() -> { sessions.closeAll(); return null; });
        sessions.report(r, "join pass");
        requests.report(r, "join pass: ");
        if (sessions.failures > 0 || requests.errorCount() > 0 || requests.pending() > 0) {
            r.fail("not every user could join its rooms");
            return false;
        }
        return true;
    }
}
