package dev.parley.service.room;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.RoomName;
import dev.parley.service.Dedup;
import dev.parley.service.MessageIds;
import dev.parley.service.group.HistoryReply;
import dev.parley.service.group.MissedMessages;
import dev.parley.service.group.SayReply;
import dev.parley.store.ReadPositionStore;
import dev.parley.store.RoomHistoryStore;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Speaking in a room and reading it back: store in the room's history (which assigns the room's sequence),
 * then publish once; what a member missed since their read position; read positions saved.
 */
final class RoomChat {
    private final ParleyConfig.History config;
    private final RoomHistoryStore history;
    private final ReadPositionStore reads;
    private final RoomAccess access;
    private final RoomEvents events;
    private final Dedup dedup;
    private final MessageIds ids;
    /** Stamps messages and dates the oldest one worth replaying. */
    private final Clock clock;

    RoomChat(ParleyConfig.History config, RoomHistoryStore history, ReadPositionStore reads, RoomAccess access,
             RoomEvents events, Dedup dedup, MessageIds ids, Clock clock) {
        this.config = config;
        this.history = history;
        this.reads = reads;
        this.access = access;
        this.events = events;
        this.dedup = dedup;
        this.ids = ids;
        this.clock = clock;
    }

    // say {room, text, cid?}: members only; a retry with the same cid gets the first reply, delivered once.
    Future<JsonObject> say(RoomSayRequest r) {
        String name = RoomNames.canonical(r.room());
        return access.asMember(name, r.from()).compose(room -> {
            long ts = clock.millis();
            StoredMessage msg = new StoredMessage(ids.next(ts), r.from(), r.name(), null, r.text(), ts, 0);
            JsonObject reply = new SayReply(msg.id(), ts).toJson();
            // The group's key: a retry of a say sent before rooms existed is still recognised.
            String key = r.cid() == null ? null : Dedup.key(r.from(), "say", r.cid());
            return dedup.claim(key, reply).compose(claim -> {
                if (claim.earlierReply() != null) return Future.succeededFuture(claim.earlierReply());
                // An abandoned attempt (its node died) may have published already: sent again under its id.
                JsonObject answer = claim.answerOr(reply);
                return history.append(name, msg.withIdAndTs(answer.getString("id"), answer.getLong("ts")))
                        .onSuccess(stored -> {
                            events.message(room, stored);
                            dedup.complete(key, answer);
                        })
                        .onFailure(t -> dedup.abandon(key, answer))
                        .map(answer);
            });
        });
    }

    // missed {room, upTo, max}: like the group's history; a first visit replays nothing and starts the position at upTo.
    Future<JsonObject> missed(MissedRequest r) {
        String name = RoomNames.canonical(r.room());
        return access.asMember(name, r.user())
                .compose(room -> reads.get(r.user(), name))
                .compose(seen -> {
                    if (seen == null || seen >= r.upTo()) {
                        Future<Void> first = seen == null ? reads.advance(r.user(), Map.of(name, r.upTo())) : Future.succeededFuture();
                        return first.map(v -> new HistoryReply(List.of(), 0));
                    }
                    long notBefore = clock.millis() - config.maxAge().toMillis();
                    return history.since(name, seen, Paging.size(r.max(), config.replayMax()), notBefore)
                            .map(slice -> MissedMessages.select(r.user(), seen, r.upTo(), slice));
                })
                .map(HistoryReply::toJson);
    }

    // read {positions}: a session left; positions never move backwards (the store's rule), and unknown names are ignored.
    // Position 0 counts: a member who joined an empty room has visited it, so what comes later is "missed".
    Future<Void> read(ReadPositionsRequest r) {
        Map<String, Long> valid = new LinkedHashMap<>();
        r.positions().forEach((room, seq) -> {
            if (seq != null && seq >= 0 && RoomName.valid(room)) valid.put(RoomName.canonical(room), seq);
        });
        return valid.isEmpty() ? Future.succeededFuture() : reads.advance(r.user(), valid);
    }

    // history {room, before?, limit}: older messages on demand, members only, oldest first.
    Future<JsonObject> history(RoomHistoryRequest r, int maxLimit) {
        String name = RoomNames.canonical(r.room());
        int limit = Paging.size(r.limit(), maxLimit);
        return access.asMember(name, r.user())
                .compose(room -> r.before() == null ? Future.succeededFuture(Long.MAX_VALUE)
                        : MessageFinder.seqOf(history, name, r.before(), config.maxMessages()))
                .compose(before -> before == null ? Future.succeededFuture(new RoomHistoryReply(name, List.of(), false))
                        // One more than asked: whether older ones exist.
                        : history.before(name, before, limit + 1).map(slice -> {
                            List<StoredMessage> got = slice.messages();
                            boolean more = got.size() > limit;
                            List<StoredMessage> page = more ? got.subList(got.size() - limit, got.size()) : got;
                            return new RoomHistoryReply(name, List.copyOf(page), more);
                        }))
                .map(RoomHistoryReply::toJson);
    }
}
