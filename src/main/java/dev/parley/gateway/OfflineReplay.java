package dev.parley.gateway;

import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.NoticeEvent;
import dev.parley.service.mailbox.AckRequest;
import dev.parley.service.mailbox.FetchReply;
import dev.parley.service.mailbox.FetchRequest;
import dev.parley.service.mailbox.MailboxAddresses;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a user missed while offline, replayed right after their login: private messages from their
 * mailbox and group messages from history (up to the head read when the session began holding live
 * events), oldest first, with a notice for what cannot be shown; then the held live events go
 * through ({@link CatchUp}). The mailbox forgets a private message only once it was written.
 */
final class OfflineReplay {
    private final GatewayServices services;

    OfflineReplay(GatewayServices services) {
        this.services = services;
    }

    /** Replays what the user missed, oldest first, then lets live events through. */
    void start(Connection c) {
        FetchRequest fetch = new FetchRequest(c.user(), c.liveFrom());
        services.bus().<JsonObject>request(MailboxAddresses.FETCH, fetch.toJson())
                .map(m -> FetchReply.fromJson(m.body()))
                .onSuccess(missed -> replay(c, missed))
                .onFailure(t -> {
                    c.send(new NoticeEvent("UNAVAILABLE", "missed messages could not be loaded now; they stay stored"));
                    c.caughtUp(0);
                });
    }

    private void replay(Connection c, FetchReply missed) {
        if (c.closed()) return;
        List<StoredMessage> all = new ArrayList<>(missed.privateMessages());
        List<Long> seqs = missed.privateMessages().stream().map(StoredMessage::seq).toList();
        all.addAll(missed.group());
        all.sort(Comparator.comparingLong(StoredMessage::ts));
        long skipped = missed.skipped();
        long expired = missed.expired();
        if (skipped > 0) {
            c.send(new NoticeEvent("HISTORY_TRUNCATED", skipped + " older group message(s) were missed and are not shown"));
        }
        if (expired > 0) {
            c.send(new NoticeEvent("MAIL_EXPIRED", expired + " private message(s) expired before you logged in"));
        }
        long newestReplayed = 0;
        for (StoredMessage s : all) {
            MessageEvent e = new MessageEvent(s.to() == null, s.id(), s.from(), s.name(), s.to(), s.text(), s.ts(), true);
            c.send(e);
            if (e.group()) newestReplayed = Math.max(newestReplayed, s.seq());
        }
        services.metrics().mailboxDelivered.increment(all.size());
        c.caughtUp(newestReplayed);
        // At-least-once: the mailbox forgets only what was handed to the socket.
        AckRequest ack = new AckRequest(c.user(), seqs, c.liveFrom());
        c.afterWrites(() -> services.bus().request(MailboxAddresses.ACK, ack.toJson()));
    }
}
