package dev.parley.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.e2e.JsonClient;
import dev.parley.testkit.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.parley.e2e.JsonClient.op;
import static dev.parley.e2e.Replies.code;
import static dev.parley.e2e.Replies.isMessage;
import static dev.parley.e2e.Replies.isOp;
import static dev.parley.e2e.Replies.isPresenceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rooms across three Parley JVMs and one Redis (issue 14): a room split over nodes, membership changes
 * that subscribe and unsubscribe a node, kick and ban of a user on another node than the operator's, presence
 * heard once however many rooms are shared, and a node dying with room members on it (the last two tests kill
 * node 2, then node 1). Black-box: only the JSON-lines protocol of docs/rooms-design.md, over real sockets.
 *
 * <p>Proving that something is NOT delivered: a sentinel goes after it on the same path (the same sender and
 * room, or a co-member on the same node, then a private message), and the test asserts on what arrived before it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoomsClusterTest {
    /** The harness's cluster.nodeTimeoutSeconds (5) + heartbeatSeconds (1), with room for a loaded machine (docs/cluster.md). */
    private static final Duration CONVERGENCE = Duration.ofSeconds(10);
    /** Right after a kill the survivors may re-form (Hazelcast partitions migrate): replies can be slower. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(20);
    private static final String LOBBY = "#lobby";
    /** How long a room may take to be routed to a node that just subscribed (seen: a message 3 s after a lost one always arrived). */
    private static final Duration ROUTING = Duration.ofSeconds(20);
    /**
     * A message missed by routing right after a join is filled from history once the gateway's routing window
     * (dev.parley.gateway.GapFill.WINDOW_MS, 3 s from the consumer's registration) has passed: allowed that, plus 3 s.
     */
    private static final Duration GAP_FILLED = Duration.ofSeconds(6);
    /** Arrived within this: live (a filled one comes after the 3 s window). */
    private static final Duration LIVE = Duration.ofMillis(2_500);
    /** The text of the messages {@link #awaitRouting} says. */
    private static final String PROBE = "routing probe to ";

    @RegisterExtension
    static final ClusterHarness cluster = ClusterHarness.perClass(3);

    @Test
    @Order(1)
    @DisplayName("a room split over 3 nodes: each member's message reaches every other member once, never a non-member; the default room still reaches everyone")
    void roomSplitOverNodes() {
        List<JsonClient> members = new ArrayList<>();
        List<JsonClient> outsiders = new ArrayList<>();
        try {
            for (int node = 0; node < 3; node++) {
                members.add(cluster.loggedIn(node, "s-member" + node));
                outsiders.add(cluster.loggedIn(node, "s-outsider" + node));
            }
            JsonNode created = join(members.get(0), "#Dev");
            assertTrue(created.path("created").asBoolean(), created.toString());
            // Canonical names are case-insensitive; the room keeps its creator's spelling.
            assertFalse(join(members.get(1), "#dev").path("created").asBoolean());
            JsonNode third = join(members.get(2), "#DEV");
            assertEquals("#Dev", third.path("room").path("display").asText(), third.toString());
            assertEquals(3, third.path("room").path("members").asInt(), third.toString());
            members.get(0).await(f -> isRoomEvent(f, "joined", "#Dev", "s-member2"), "s-member2 joined #Dev");
            awaitRoutingAmong("#dev", members.toArray(JsonClient[]::new));

            for (int from = 0; from < 3; from++) {
                JsonNode ok = sayIn(members.get(from), "#dev", "dev from node " + from);
                assertEquals("#Dev", ok.path("room").asText(), ok.toString());
                // Same sender, same room: anything doubled arrives before this.
                sayIn(members.get(from), "#dev", "dev end " + from);
                assertTrue(members.get(from).say("lobby from node " + from).path("ok").asBoolean());
            }
            for (int to = 0; to < 3; to++) {
                JsonClient member = members.get(to);
                for (int from = 0; from < 3; from++) {
                    if (from == to) continue;
                    JsonNode m = member.awaitMessage("dev from node " + from);
                    assertEquals("#Dev", m.path("room").asText(), m.toString());
                    assertEquals("group", m.path("kind").asText(), m.toString());
                    assertEquals("s-member" + from, m.path("from").asText(), m.toString());
                    assertFalse(m.path("offline").asBoolean(), m.toString());
                    member.awaitMessage("dev end " + from);
                    assertEquals(1, count(member.log(), "dev from node " + from), "exactly once: " + member.log());
                    assertEquals(LOBBY, member.awaitMessage("lobby from node " + from).path("room").asText());
                }
            }
            for (int node = 0; node < 3; node++) {
                JsonClient outsider = outsiders.get(node);
                JsonNode lastLobby = null;
                for (int from = 0; from < 3; from++) {
                    lastLobby = outsider.awaitMessage("lobby from node " + from);
                    assertEquals(LOBBY, lastLobby.path("room").asText(), lastLobby.toString());
                }
                // The lobby messages were said after the #dev ones, by the same senders.
                assertEquals(List.of(), roomMessages(outsider.log(), "#Dev"), "a non-member on node " + node + " got #dev");
                assertEquals(0, count(members.get(node).log(), "dev from node " + node), "the sender does not get its own back");
            }
            JsonNode refused = sayIn(outsiders.get(1), "#dev", "not a member", false);
            assertEquals("NOT_IN_ROOM", code(refused), refused.toString());
        } finally {
            members.forEach(JsonClient::close);
            outsiders.forEach(JsonClient::close);
        }
    }

    @Test
    @Order(2)
    @DisplayName("the first member on a node subscribes it: #ops messages from node 0 reach a joiner alone on node 2, and nothing after it parts")
    void membershipChangesPropagate() {
        try (JsonClient owner = cluster.loggedIn(0, "o-owner"); JsonClient watcher = cluster.loggedIn(1, "o-watcher");
             JsonClient joiner = cluster.loggedIn(2, "o-joiner")) {
            join(owner, "#ops");
            join(watcher, "#ops");
            awaitRouting(owner, "#ops", watcher);

            JsonNode joined = join(joiner, "#ops");
            assertEquals(3, joined.path("room").path("members").asInt(), joined.toString());
            owner.await(f -> isRoomEvent(f, "joined", "#ops", "o-joiner"), "o-joiner joined #ops");
            awaitRouting(owner, "#ops", joiner);
            sayIn(owner, "#ops", "ops to node 2");
            JsonNode m = joiner.awaitMessage("ops to node 2");
            assertEquals("#ops", m.path("room").asText(), m.toString());
            assertEquals("o-owner", m.path("from").asText(), m.toString());

            JsonNode parted = joiner.request(op("part", "room", "#ops", "reason", "bye"));
            assertTrue(parted.path("ok").asBoolean(), parted.toString());
            JsonNode seen = owner.await(f -> isRoomEvent(f, "parted", "#ops", "o-joiner"), "o-joiner parted #ops");
            assertEquals("bye", seen.path("reason").asText(), seen.toString());
            for (int i = 1; i <= 3; i++) sayIn(owner, "#ops", "after the part " + i);
            watcher.awaitMessage("after the part 3");
            JsonNode sentinel = sentinel(owner, joiner, "o-sentinel");
            assertEquals(List.of("ops to node 2"), texts(roomMessages(joiner.framesBefore(sentinel), "#ops")).stream()
                            .filter(t -> !t.startsWith(PROBE)).toList(),
                    "only what was said while a member: " + joiner.log());
            JsonNode refused = sayIn(joiner, "#ops", "gone", false);
            assertEquals("NOT_IN_ROOM", code(refused), refused.toString());
        }
    }

    @Test
    @Order(3)
    @DisplayName("a message said right after a join's reply reaches the new member on another node, every time, once (live, or filled from history once the routing window passed)")
    void messageRightAfterJoinReachesTheJoiner() {
        int rounds = 20;
        try (JsonClient owner = cluster.loggedIn(0, "j-owner"); JsonClient joiner = cluster.loggedIn(2, "j-joiner")) {
            join(owner, "#race");
            List<Integer> lost = new ArrayList<>();
            List<Integer> late = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                // Alone in the room on node 2: each join subscribes the node afresh, each part unsubscribes it.
                join(joiner, "#race");
                String text = "right after the join " + round;
                long t0 = System.nanoTime();
                sayIn(owner, "#race", text);
                if (joiner.poll(f -> isMessage(f, text), GAP_FILLED) == null) lost.add(round);
                else if (System.nanoTime() - t0 > LIVE.toNanos()) late.add(round);
                assertTrue(joiner.request(op("part", "room", "#race")).path("ok").asBoolean());
            }
            System.out.println("rooms: right after the join, " + late.size() + " of " + rounds
                    + " rounds' messages came late (filled after the routing window): " + late);
            assertEquals(List.of(), lost, "rounds whose message, said after the join's reply, did not reach the joiner within "
                    + GAP_FILLED.toSeconds() + " s (of " + rounds + ")");
            // The part of the last round is answered; a private sentinel after it comes after anything doubled.
            sentinel(owner, joiner, "j-sentinel");
            for (int round = 0; round < rounds; round++) {
                assertEquals(1, count(joiner.log(), "right after the join " + round), "once: round " + round + ": " + joiner.log());
            }
        }
    }

    @Test
    @Order(3)
    @DisplayName("a message said right after a login's reply reaches the member logging in alone on another node, every time, once")
    void messageRightAfterLoginReachesTheMember() {
        int rounds = 10;
        try (JsonClient owner = cluster.loggedIn(0, "l-owner")) {
            join(owner, "#race-login");
            try (JsonClient first = cluster.loggedIn(2, "l-member")) {
                join(first, "#race-login");
                first.request(op("logout"));
                first.awaitClosed();
            }
            List<Integer> lost = new ArrayList<>();
            List<Integer> late = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                // The member's only session on node 2: each login subscribes the node to the room afresh.
                try (JsonClient member = cluster.loggedIn(2, "l-member")) {
                    String text = "right after the login " + round;
                    long t0 = System.nanoTime();
                    sayIn(owner, "#race-login", text);
                    if (member.poll(f -> isMessage(f, text), GAP_FILLED) == null) lost.add(round);
                    else if (System.nanoTime() - t0 > LIVE.toNanos()) late.add(round);
                    sentinel(owner, member, "l-sentinel " + round);
                    assertEquals(lost.contains(round) ? 0 : 1, count(member.log(), text), "once: " + member.log());
                    member.request(op("logout"));
                    member.awaitClosed();
                }
            }
            System.out.println("rooms: right after the login, " + late.size() + " of " + rounds
                    + " rounds' messages came late (filled after the routing window): " + late);
            assertEquals(List.of(), lost, "rounds whose message, said after the login's reply, did not reach the member within "
                    + GAP_FILLED.toSeconds() + " s (of " + rounds + ")");
        }
    }

    @Test
    @Order(4)
    @DisplayName("an operator on node 0 kicks, then bans, a user on node 1: each time the user is told and gets no more room messages; a banned join is refused until unban")
    void kickAndBanAcrossNodes() {
        String room = "#mod";
        try (JsonClient op = cluster.loggedIn(0, "k-op"); JsonClient peer = cluster.loggedIn(1, "k-peer");
             JsonClient victim = cluster.loggedIn(1, "k-victim"); JsonClient far = cluster.loggedIn(2, "k-far")) {
            joinAll(room, op, peer, far, victim);
            sayIn(op, room, "while a member");
            victim.awaitMessage("while a member");

            // kick: told, then nothing more from the room
            JsonNode kick = op.request(op("kick", "room", room, "user", "k-victim", "reason", "flooding"));
            assertTrue(kick.path("ok").asBoolean(), kick.toString());
            JsonNode kicked = victim.await(f -> isRoomEvent(f, "kicked", room, "k-victim"), "the kicked event");
            assertEquals("k-op", kicked.path("by").asText(), kicked.toString());
            assertEquals("flooding", kicked.path("reason").asText(), kicked.toString());
            peer.await(f -> isRoomEvent(f, "kicked", room, "k-victim"), "the kick, seen by a member on the victim's node");
            far.await(f -> isRoomEvent(f, "kicked", room, "k-victim"), "the kick, seen by a member on node 2");
            assertNothingFromRoomAfter(op, peer, victim, room, "kicked", kicked);
            JsonNode refused = sayIn(victim, room, "still here?", false);
            assertEquals("NOT_IN_ROOM", code(refused), refused.toString());

            // a kick is not a ban: the user may come back, and hears the room again
            join(victim, room);
            sayIn(op, room, "welcome back");
            assertEquals(room, victim.awaitMessage("welcome back").path("room").asText());

            JsonNode ban = op.request(op("ban", "room", room, "user", "k-victim"));
            assertTrue(ban.path("ok").asBoolean(), ban.toString());
            JsonNode banned = victim.await(f -> isRoomEvent(f, "kicked", room, "k-victim"),
                    "the event removing the banned user");
            assertEquals("k-op", banned.path("by").asText(), banned.toString());
            assertNothingFromRoomAfter(op, peer, victim, room, "banned", banned);
            JsonNode rejoin = victim.request(op("join", "room", room));
            assertEquals("BANNED", code(rejoin), rejoin.toString());

            JsonNode unban = op.request(op("unban", "room", room, "user", "k-victim"));
            assertTrue(unban.path("ok").asBoolean(), unban.toString());
            join(victim, room);
            sayIn(far, room, "unbanned");
            JsonNode back = victim.awaitMessage("unbanned");
            assertEquals(room, back.path("room").asText(), back.toString());
        }
    }

    @Test
    @Order(5)
    @DisplayName("two users sharing two rooms (and the default room) hear each other's online and offline once, on another node and on the same one")
    void presenceOncePerSharedUser() {
        try (JsonClient remote = cluster.loggedIn(0, "d-remote"); JsonClient local = cluster.loggedIn(1, "d-local")) {
            JsonNode remoteMark;
            JsonNode localMark;
            try (JsonClient user = cluster.loggedIn(1, "d-user")) {
                for (String room : List.of("#pa", "#pb")) {
                    join(remote, room);
                    join(local, room);
                    join(user, room);
                }
                remoteMark = remote.await(f -> isRoomEvent(f, "joined", "#pb", "d-user"), "d-user joined #pb");
                localMark = local.await(f -> isRoomEvent(f, "joined", "#pb", "d-user"), "d-user joined #pb");
                user.request(op("logout"));
                user.awaitClosed();
            }
            remote.awaitPresence("d-user", "offline");
            local.awaitPresence("d-user", "offline");
            try (JsonClient again = cluster.loggedIn(1, "d-user")) {
                remote.awaitPresence("d-user", "online");
                local.awaitPresence("d-user", "online");
                // A sentinel on every shared room's path: a second copy of the presence event would come before it.
                for (String room : List.of("#pa", "#pb")) sayIn(again, room, "here in " + room);
                again.say("here in the lobby");
                for (JsonClient watcher : List.of(remote, local)) {
                    for (String room : List.of("#pa", "#pb")) watcher.awaitMessage("here in " + room);
                    watcher.awaitMessage("here in the lobby");
                }
                JsonNode remoteEnd = sentinel(again, remote, "d-sentinel-remote");
                JsonNode localEnd = sentinel(again, local, "d-sentinel-local");
                assertEquals(List.of("offline", "online"), presenceOf(between(remote, remoteMark, remoteEnd), "d-user"),
                        "on another node: " + remote.log());
                assertEquals(List.of("offline", "online"), presenceOf(between(local, localMark, localEnd), "d-user"),
                        "on the same node: " + local.log());
            }
        }
    }

    @Test
    @Order(6)
    @DisplayName("kill -9 of a node with a room member: the others keep talking, presence converges within the bound, and the member is still one at its next login on another node")
    void nodeDyingWithRoomMembers() {
        String room = "#dev-k";
        try (JsonClient a = cluster.loggedIn(0, "x-a"); JsonClient b = cluster.loggedIn(1, "x-b")) {
            JsonClient victim = cluster.loggedIn(2, "x-victim");
            try {
                joinAll(room, a, b, victim);
                // From the victim's node: routing to it right after a join is messageRightAfterJoinReachesTheJoiner's concern.
                sayIn(victim, room, "before the kill");
                a.awaitMessage("before the kill");

                long t0 = System.nanoTime();
                cluster.kill(2);
                // Said at once, while the cluster may still route to the dead node.
                sayIn(a, room, "right after the kill", true, AFTER_KILL);
                sayIn(b, room, "right after the kill, too", true, AFTER_KILL);
                assertEquals(room, b.await(f -> isMessage(f, "right after the kill"), "a's message at b", AFTER_KILL).path("room").asText());
                assertEquals(room, a.await(f -> isMessage(f, "right after the kill, too"), "b's message at a", AFTER_KILL).path("room").asText());

                a.awaitPresence("x-victim", "offline", CONVERGENCE);
                long presenceMs = (System.nanoTime() - t0) / 1_000_000;
                JsonNode listed = Await.latest(() -> member(b.request(op("members", "room", room)), "x-victim"),
                        m -> m != null && !m.path("online").asBoolean(true), CONVERGENCE, Duration.ofMillis(100));
                long membersMs = (System.nanoTime() - t0) / 1_000_000;
                System.out.println("rooms: presence offline " + presenceMs + " ms, members online=false " + membersMs
                        + " ms after kill -9");
                assertTrue(listed != null && !listed.path("online").asBoolean(true),
                        "still a member, listed offline within " + CONVERGENCE.toSeconds() + " s: " + listed);
                assertTrue(membersMs <= CONVERGENCE.toMillis(), membersMs + " ms");

                sayIn(a, room, "after convergence");
                sayIn(b, room, "after convergence, too");
                b.awaitMessage("after convergence");
                a.awaitMessage("after convergence, too");
            } finally {
                victim.close();
            }

            try (JsonClient back = cluster.loggedIn(0, "x-victim")) {
                JsonNode listed = member(back.request(op("members", "room", room)), "x-victim");
                assertTrue(listed != null && listed.path("online").asBoolean(), "membership survived the node: " + listed);
                sayIn(b, room, "welcome back");
                JsonNode live = back.awaitMessage("welcome back");
                assertEquals(room, live.path("room").asText(), live.toString());
                assertFalse(live.path("offline").asBoolean(), live.toString());
                sayIn(back, room, "thanks");
                a.awaitMessage("thanks");
            }
        }
    }

    @Test
    @Order(7)
    @DisplayName("a member whose node was killed replays the room messages said since, at its next login on another node: offline, with the room, oldest first, once each")
    void memberOfADeadNodeReplaysWhatItMissed() {
        String room = "#dev-r";
        List<String> missed = List.of("missed 1", "missed 2", "missed 3", "missed 4");
        try (JsonClient a = cluster.loggedIn(0, "y-a")) {
            try (JsonClient victim = cluster.loggedIn(1, "y-victim")) {
                joinAll(room, a, victim);
                sayIn(victim, room, "before the kill");
                a.awaitMessage("before the kill");
                cluster.kill(1);
                sayIn(a, room, missed.get(0), true, AFTER_KILL);
                sayIn(a, room, missed.get(1), true, AFTER_KILL);
                a.awaitPresence("y-victim", "offline", CONVERGENCE);
            }
            sayIn(a, room, missed.get(2));
            sayIn(a, room, missed.get(3));

            try (JsonClient back = cluster.loggedIn(0, "y-victim")) {
                JsonNode caughtUp = back.awaitCatchUp("y-victim");
                List<JsonNode> replayed = roomMessages(back.framesBefore(caughtUp), room);
                assertEquals(missed, texts(replayed).stream().filter(t -> t.startsWith("missed")).toList(),
                        "each missed message once, oldest first: " + back.log());
                for (JsonNode m : replayed) assertTrue(m.path("offline").asBoolean(), "replayed, so offline: " + m);
            }
        }
    }

    /** After {@code removed} (a kicked event): room messages reach the others, none the removed user. */
    private static void assertNothingFromRoomAfter(JsonClient op, JsonClient peerOnSameNode, JsonClient removed,
                                                   String room, String how, JsonNode removedEvent) {
        for (int i = 1; i <= 3; i++) sayIn(op, room, "after " + how + " " + i);
        // The removed user's node has fanned these out before the private sentinel is sent.
        peerOnSameNode.awaitMessage("after " + how + " 3");
        JsonNode sentinel = sentinel(op, removed, "sentinel " + how);
        List<JsonNode> before = removed.framesBefore(sentinel);
        int from = indexOf(before, removedEvent);
        assertEquals(List.of(), roomMessages(before.subList(from + 1, before.size()), room),
                "room messages after being " + how + ": " + removed.log());
    }

    /** {@code from} sends {@code to} a private message; returns it as {@code to} received it. */
    private static JsonNode sentinel(JsonClient from, JsonClient to, String text) {
        JsonNode ok = from.msg(userOf(to), text);
        assertTrue(ok.path("ok").asBoolean(), ok.toString());
        return to.awaitMessage(text);
    }

    /** The logged-in user of a client: from its login reply. */
    private static String userOf(JsonClient c) {
        return c.log().stream().filter(f -> isOp(f, "login") && f.path("ok").asBoolean()).reduce((x, y) -> y)
                .map(f -> f.path("user").asText()).orElseThrow(() -> new AssertionError("not logged in"));
    }

    /** Each client joins {@code room} in turn, the first creating it; returns once the first saw the last one join. */
    private static void joinAll(String room, JsonClient... clients) {
        assertTrue(join(clients[0], room).path("created").asBoolean(), room + " is new");
        for (int i = 1; i < clients.length; i++) join(clients[i], room);
        String last = userOf(clients[clients.length - 1]);
        clients[0].await(f -> isRoomEvent(f, "joined", room, last), last + " joined " + room);
        awaitRoutingAmong(room, clients);
    }

    /** {@link #awaitRouting} from each client to each other one (each node routes a room by its own view of it). */
    private static void awaitRoutingAmong(String room, JsonClient... clients) {
        for (JsonClient from : clients) {
            for (JsonClient to : clients) {
                if (from != to) awaitRouting(from, room, to);
            }
        }
    }

    /**
     * Says probes in {@code room} until one reaches {@code listener}. A join's reply can come before the speaker's
     * node routes the room to the joiner's node; the gateway then fills what was missed, 3 s late
     * (messageRightAfterJoinReachesTheJoiner): the other tests are about what happens once routing is in place, live.
     */
    private static void awaitRouting(JsonClient speaker, String room, JsonClient listener) {
        int[] probes = {0};
        Await.until(() -> {
            String probe = PROBE + userOf(listener) + " " + (++probes[0]);
            sayIn(speaker, room, probe);
            return listener.poll(f -> isMessage(f, probe), Duration.ofMillis(500)) != null;
        }, ROUTING, Duration.ZERO, room + " routed from " + userOf(speaker) + " to " + userOf(listener));
    }

    private static JsonNode join(JsonClient c, String room) {
        JsonNode r = c.request(op("join", "room", room));
        assertTrue(r.path("ok").asBoolean(), "join " + room + ": " + r);
        return r;
    }

    private static JsonNode sayIn(JsonClient c, String room, String text) {
        return sayIn(c, room, text, true);
    }

    private static JsonNode sayIn(JsonClient c, String room, String text, boolean mustSucceed) {
        return sayIn(c, room, text, mustSucceed, JsonClient.TIMEOUT);
    }

    private static JsonNode sayIn(JsonClient c, String room, String text, boolean mustSucceed, Duration timeout) {
        String rid = "say-" + text;
        c.send(op("say", "room", room, "text", text, "rid", rid));
        JsonNode r = c.await(f -> rid.equals(f.path("rid").asText(null)), "reply to say " + text, timeout);
        if (mustSucceed) assertTrue(r.path("ok").asBoolean(), "say in " + room + ": " + r);
        return r;
    }

    private static boolean isRoomEvent(JsonNode f, String kind, String room, String user) {
        return isOp(f, kind) && !f.has("ok") && room.equalsIgnoreCase(f.path("room").asText())
                && user.equals(f.path("user").asText());
    }

    /** The room messages (by display name, any case) among {@code frames}. */
    private static List<JsonNode> roomMessages(List<JsonNode> frames, String room) {
        return frames.stream().filter(f -> isMessage(f) && room.equalsIgnoreCase(f.path("room").asText())).toList();
    }

    private static long count(List<JsonNode> frames, String text) {
        return frames.stream().filter(f -> isMessage(f, text)).count();
    }

    private static List<String> texts(List<JsonNode> frames) {
        return frames.stream().map(f -> f.path("text").asText()).toList();
    }

    private static List<String> presenceOf(List<JsonNode> frames, String user) {
        return frames.stream().filter(f -> isPresenceOf(f, user)).map(f -> f.path("status").asText()).toList();
    }

    /** What {@code c} received after {@code first} and before {@code last} (both frames it received). */
    private static List<JsonNode> between(JsonClient c, JsonNode first, JsonNode last) {
        List<JsonNode> before = c.framesBefore(last);
        return before.subList(indexOf(before, first) + 1, before.size());
    }

    private static int indexOf(List<JsonNode> frames, JsonNode frame) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i) == frame) return i;
        }
        throw new AssertionError("not among the frames: " + frame);
    }

    /** The entry for {@code user} in a members reply, or null. */
    private static JsonNode member(JsonNode reply, String user) {
        assertTrue(reply.path("ok").asBoolean(), reply.toString());
        for (JsonNode m : reply.path("members")) {
            if (user.equals(m.path("user").asText())) return m;
        }
        return null;
    }
}
