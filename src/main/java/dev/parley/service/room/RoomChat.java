package dev.parley.service.room;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.RoomName;
import dev.parley.service.group.HistoryReply;
import dev.parley.service.group.MissedMessages;
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
 * Reading a room back: what a member missed since their read position, older messages on demand, read
 * positions saved. Saying is {@link RoomSay}'s.
 */
final class RoomChat {
    private final ParleyConfig.History config;
    private final RoomHistoryStore history;
    private final ReadPositionStore reads;
    private final RoomAccess access;
    /** Dates the oldest message worth replaying. */
    private final Clock clock;

    RoomChat(ParleyConfig.History config, RoomHistoryStore history, ReadPositionStore reads, RoomAccess access, Clock clock) {
        this.config = config;
        this.history = history;
        this.reads = reads;
        this.access = access;
        this.clock = clock;
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
