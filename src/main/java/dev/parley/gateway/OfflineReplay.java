package dev.parley.gateway;

import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.NoticeEvent;
import dev.parley.service.group.HistoryReply;
import dev.parley.service.mailbox.AckRequest;
import dev.parley.service.mailbox.FetchReply;
import dev.parley.service.mailbox.FetchRequest;
import dev.parley.service.mailbox.MailboxAddresses;
import dev.parley.service.room.MissedRequest;
import dev.parley.service.room.MyRoom;
import dev.parley.service.room.ReadPositionsRequest;
import dev.parley.service.room.RoomAddresses;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user missed while offline, replayed right after their login: private messages from their
 * mailbox, the default room's messages (the mailbox fetch carries them, as before rooms) and each other
 * room's (up to the head read when the session began receiving the room live), oldest first, bounded per
 * room and in total, with a notice for what cannot be shown; then the held live events go through
 * ({@link CatchUp}). The mailbox forgets a private message only once it was written; the rooms' read
 * positions move once their replay was written.
 */
final class OfflineReplay {
    private final GatewayServices services;

    OfflineReplay(GatewayServices services) {
        this.services = services;
    }

    /** A message to show, with the display name of its room (null: private). */
    private record Shown(StoredMessage message, String room) {
    }

    /**
     * Replays what the user missed, oldest first, then lets live events through.
     *
     * @param rooms the session's rooms with their heads (the default room first when it is in it)
     */
    void start(Connection c, List<MyRoom> rooms) {
        String defaultRoom = services.config().defaultRoom();
        MyRoom lobby = rooms.stream().filter(r -> r.name().equals(defaultRoom)).findFirst().orElse(null);
        // Without the default room (rooms.autoJoinDefault off) a bound of 0 replays none of it.
        long defaultHead = lobby == null ? 0 : lobby.head();
        Future<FetchReply> fetch = services.bus().<JsonObject>request(MailboxAddresses.FETCH,
                        new FetchRequest(c.user(), defaultHead).toJson())
                .map(m -> FetchReply.fromJson(m.body()));
        List<MyRoom> others = rooms.stream().filter(r -> !r.name().equals(defaultRoom)).toList();
        List<Future<ReplayBudget.Missed>> missed = new ArrayList<>();
        for (MyRoom r : others) missed.add(missed(c, r));
        List<Future<?>> all = new ArrayList<>(missed);
        all.add(fetch);
        Future.join(all).onComplete(done -> replay(c, lobby, fetch, missed));
    }

    /** One room's missed messages; nothing to ask when the user saw it up to its head (or never saw it). */
    private Future<ReplayBudget.Missed> missed(Connection c, MyRoom r) {
        if (r.read() == null || r.read() >= r.head()) {
            return Future.succeededFuture(new ReplayBudget.Missed(r.name(), r.display(), List.of(), 0));
        }
        int max = Math.min(services.config().history().replayMax(), services.config().rooms().replayMaxTotal());
        MissedRequest body = new MissedRequest(c.user(), r.name(), r.head(), max);
        return services.bus().<JsonObject>request(RoomAddresses.MISSED, body.toJson())
                .map(m -> HistoryReply.fromJson(m.body()))
                .map(h -> new ReplayBudget.Missed(r.name(), r.display(), h.messages(), h.skipped()));
    }

    private void replay(Connection c, MyRoom lobby, Future<FetchReply> fetch, List<Future<ReplayBudget.Missed>> missed) {
        if (c.closed()) return;
        List<ReplayBudget.Missed> rooms = new ArrayList<>();
        FetchReply mail = fetch.succeeded() ? fetch.result() : null;
        if (mail == null) {
            c.send(new NoticeEvent("UNAVAILABLE", "missed messages could not be loaded now; they stay stored"));
        } else if (lobby != null) {
            rooms.add(new ReplayBudget.Missed(lobby.name(), lobby.display(), mail.group(), mail.skipped()));
        }
        for (Future<ReplayBudget.Missed> f : missed) {
            if (f.succeeded()) rooms.add(f.result());
        }
        if (missed.stream().anyMatch(Future::failed)) {
            c.send(new NoticeEvent("UNAVAILABLE", "missed messages of some rooms could not be loaded now; see history"));
        }
        rooms = ReplayBudget.bound(rooms, services.config().rooms().replayMaxTotal());

        List<Shown> shown = new ArrayList<>();
        Map<String, Long> newest = new HashMap<>();
        for (ReplayBudget.Missed m : rooms) {
            if (m.skipped() > 0) {
                c.send(new NoticeEvent("HISTORY_TRUNCATED", m.skipped() + " older message(s) of " + m.display()
                        + " were missed and are not shown"));
            }
            for (StoredMessage s : m.messages()) shown.add(new Shown(s, m.display()));
            if (!m.messages().isEmpty()) newest.put(m.room(), m.newestSeq());
        }
        List<Long> seqs = List.of();
        if (mail != null) {
            seqs = mail.privateMessages().stream().map(StoredMessage::seq).toList();
            for (StoredMessage s : mail.privateMessages()) shown.add(new Shown(s, null));
            if (mail.expired() > 0) {
                c.send(new NoticeEvent("MAIL_EXPIRED", mail.expired() + " private message(s) expired before you logged in"));
            }
        }
        shown.sort(Comparator.comparingLong(s -> s.message().ts()));
        for (Shown s : shown) {
            StoredMessage m = s.message();
            c.send(new MessageEvent(m.to() == null, m.id(), m.from(), m.name(), m.to(), m.text(), m.ts(), true, s.room()));
        }
        services.metrics().mailboxDelivered.increment(shown.size());
        c.caughtUp(newest);
        acknowledge(c, lobby, mail, seqs);
    }

    /**
     * True when the default room's stored position needs no move: the user had seen it up to its head already, or
     * (position unknown or never set) nothing was replayed from it, since a first visit's fetch records the head
     * itself. Otherwise the ack moves it to the head once the replay was written.
     */
    private static boolean positionCurrent(MyRoom lobby, FetchReply mail) {
        if (lobby.read() != null && lobby.read() >= lobby.head()) return true;
        return lobby.read() == null && mail.group().isEmpty() && mail.skipped() == 0;
    }

    /** At-least-once: the mailbox forgets, and read positions move, only once the replay was handed to the socket. */
    private void acknowledge(Connection c, MyRoom lobby, FetchReply mail, List<Long> seqs) {
        Long groupSeq = lobby == null || mail == null || positionCurrent(lobby, mail) ? null : lobby.head();
        // Nothing to forget and no position to move (most logins of a storm): no ack, no store write.
        if (mail != null && (!seqs.isEmpty() || groupSeq != null)) {
            AckRequest ack = new AckRequest(c.user(), seqs, groupSeq);
            c.afterWrites(() -> services.bus().request(MailboxAddresses.ACK, ack.toJson()));
        }
        Map<String, Long> positions = c.roomPositions();
        if (!positions.isEmpty()) {
            ReadPositionsRequest read = new ReadPositionsRequest(c.user(), positions);
            c.afterWrites(() -> services.bus().request(RoomAddresses.READ, read.toJson()));
        }
    }
}
