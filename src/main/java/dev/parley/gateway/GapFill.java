package dev.parley.gateway;

import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.NoticeEvent;
import dev.parley.service.room.RoomAddresses;
import dev.parley.service.room.RoomHistoryReply;
import dev.parley.service.room.RoomHistoryRequest;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Closes the routing gap of a NEW room consumer (docs/rooms-design.md, "Routing a room message", the Race bullet).
 * When this node's consumer of a room has just been registered, the other nodes route the room here only once
 * their cached copy of the subscription table has the registration (Vert.x's per-address node selector, refreshed
 * asynchronously by Hazelcast entry events). A message published meanwhile on another node is not sent here:
 * it is neither in the replay or join head (read before it was stored) nor delivered live. So a session that
 * entered a room (join or login) through a consumer younger than {@link #WINDOW} reads, once that window after
 * the consumer became ready has passed, the room's messages after the head it started from (one
 * {@link RoomAddresses#HISTORY} request, paged back only when more than {@link #PAGE} were said meanwhile), and is
 * given those it did not get live ({@link #select}). A session that entered through an older consumer does nothing.
 *
 * <p>Delivery promise: at least once, never twice. A filled message may come after newer live ones; it is sent as
 * a live message (offline=false, with its room), its ts telling where it belongs. Once filled, the room's messages
 * up to the newest one read are "replayed" for {@link CatchUp}: a live copy arriving even later is dropped.
 * Touched on the connection's event loop only.
 */
final class GapFill {
    /**
     * How long after a consumer's registration completed other nodes may still not route to it. The propagation
     * is one Hazelcast entry event to each member (asynchronous, milliseconds normally), Vert.x's 20 ms throttle
     * per address, then a read of the registrations by each member: tens of milliseconds on a healthy cluster,
     * longer on a loaded one (RoomsClusterTest saw 3 to 8 rounds of 20 lose a message said right after a join;
     * a message said 3 s later always arrived). Longer delays the filled messages; shorter risks reading before
     * the gap closed (a message stored after the read and not routed here would be lost again).
     */
    static final long WINDOW_MS = 3_000;
    static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(WINDOW_MS);
    /** Messages per history request (the service caps it at rooms.listMax). */
    static final int PAGE = 200;
    /** History pages read at most per fill: beyond PAGE * MAX_PAGES messages in the window, a notice says some may be missing. */
    static final int MAX_PAGES = 5;
    /** While the login's replay is still being written, the fill waits (it must see the held events first). */
    static final long RETRY_MS = 200;

    /** One (session, room) entered through a new consumer: where it started and which later messages it got live. */
    static final class Gap {
        /** The head the session started from: messages after it are its to receive. */
        final long from;
        /** Seqs above {@link #from} delivered live since. */
        final Set<Long> live = new HashSet<>();

        Gap(long from) {
            this.from = from;
        }
    }

    /**
     * The decision: of the messages read ({@code fetched}, any order), those to deliver now: after {@code from},
     * not delivered live, not the session's user's own (never shown back, as live), each once, oldest first.
     */
    static List<StoredMessage> select(long from, Set<Long> deliveredLive, String user, List<StoredMessage> fetched) {
        List<StoredMessage> out = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        for (StoredMessage s : fetched) {
            if (s.seq() <= from || deliveredLive.contains(s.seq()) || s.from().equals(user)) continue;
            if (taken.add(s.seq())) out.add(s);
        }
        out.sort(Comparator.comparingLong(StoredMessage::seq));
        return out;
    }

    /** The newest seq among {@code fetched}, at least {@code from}. */
    static long newest(long from, List<StoredMessage> fetched) {
        long newest = from;
        for (StoredMessage s : fetched) newest = Math.max(newest, s.seq());
        return newest;
    }

    private final GatewayServices services;

    GapFill(GatewayServices services) {
        this.services = services;
    }

    /**
     * {@code c} entered {@code room} starting after {@code from}, through a consumer ready since {@code readyAt}
     * (nanoTime): when that is less than {@link #WINDOW_MS} ago, fills the gap once the window has passed. A node
     * that is not clustered has no gap (its consumer is registered when its completion says so, and nobody else
     * publishes): the fill, a history read per (session, room), would cost 200 reads when 200 members log in at once.
     */
    void entered(Connection c, String room, long from, long readyAt) {
        long age = System.nanoTime() - readyAt;
        if (age >= WINDOW_NANOS || c.closed() || !c.gateway().clustered()) return;
        Gap gap = c.openGap(room, from);
        long delay = TimeUnit.NANOSECONDS.toMillis(WINDOW_NANOS - age) + 1;
        c.gateway().timer(delay, () -> fill(c, room, gap));
    }

    private void fill(Connection c, String room, Gap gap) {
        if (c.closed() || !c.hasGap(room, gap)) return;   // gone, parted, or entered again (a newer gap)
        if (c.holding()) {
            c.gateway().timer(RETRY_MS, () -> fill(c, room, gap));
            return;
        }
        String user = c.user();
        fetch(user, room, gap.from, null, new ArrayList<>(), 1).onComplete(ar -> {
            if (c.closed() || !c.hasGap(room, gap)) return;
            String display = c.rooms().isDefault(room) ? services.config().rooms().defaultRoom() : c.rooms().display(room, room);
            if (ar.failed()) {
                c.closeGap(room, gap, gap.from);
                c.send(new NoticeEvent("UNAVAILABLE", "messages of " + display
                        + " said while you entered it may be missing; see history"));
                return;
            }
            Fetched f = ar.result();
            List<StoredMessage> missing = select(gap.from, gap.live, user, f.messages);
            long written = 0;
            EncodedEvent last = null;
            for (StoredMessage s : missing) {
                last = new EncodedEvent(new MessageEvent(true, s.id(), s.from(), s.name(), null, s.text(), s.ts(), false, display),
                        room, s.seq(), s.from(), c.gateway().encoders());
                if (c.deliver(last)) written++;
            }
            if (last != null) c.gateway().counted(last, written);
            c.closeGap(room, gap, newest(gap.from, f.messages));
            if (f.truncated) {
                c.send(new NoticeEvent("HISTORY_TRUNCATED", "older messages of " + display
                        + " said while you entered it may be missing; see history"));
            }
        });
    }

    private record Fetched(List<StoredMessage> messages, boolean truncated) {
    }

    /** Pages back from the newest message until one at or before {@code from + 1}, the oldest one, or MAX_PAGES. */
    private Future<Fetched> fetch(String user, String room, long from, String before, List<StoredMessage> acc, int page) {
        return services.bus().<JsonObject>request(RoomAddresses.HISTORY, new RoomHistoryRequest(user, room, before, PAGE).toJson())
                .map(m -> RoomHistoryReply.fromJson(m.body()))
                .compose(h -> {
                    acc.addAll(h.messages());
                    if (h.messages().isEmpty() || !h.more()) return Future.succeededFuture(new Fetched(acc, false));
                    StoredMessage oldest = h.messages().get(0);
                    if (oldest.seq() <= from + 1) return Future.succeededFuture(new Fetched(acc, false));
                    if (page >= MAX_PAGES) return Future.succeededFuture(new Fetched(acc, true));
                    return fetch(user, room, from, oldest.id(), acc, page + 1);
                });
    }
}
