package dev.parley.service.group;

import dev.parley.config.ParleyConfig;
import dev.parley.service.Bus;
import dev.parley.service.Empty;
import dev.parley.store.GroupHistoryStore;
import dev.parley.store.LastSeenStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.List;

/**
 * The group room's history read back: its head, and what a user missed (the default room's log and last-seen
 * positions). Saying in it is the rooms service's, as in every room (dev.parley.service.room.RoomSay).
 */
public final class GroupVerticle extends VerticleBase {
    private final Bus bus;
    private final ParleyConfig.History config;
    private final GroupHistoryStore history;
    private final LastSeenStore lastSeen;
    /** Dates the oldest message worth replaying. */
    private final Clock clock;

    public GroupVerticle(Bus bus, ParleyConfig.History config, GroupHistoryStore history, LastSeenStore lastSeen, Clock clock) {
        this.bus = bus;
        this.config = config;
        this.history = history;
        this.lastSeen = lastSeen;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        EventBus eb = vertx.eventBus();
        return Future.join(List.of(
                eb.<JsonObject>localConsumer(GroupAddresses.HEAD, this::head).completion(),
                eb.<JsonObject>localConsumer(GroupAddresses.HISTORY, this::history).completion()));
    }

    private void head(Message<JsonObject> m) {
        if (bus.parse(m, "group", Empty::fromJson) == null) return;
        history.head().onSuccess(h -> m.reply(new HeadReply(h).toJson())).onFailure(t -> bus.failWith(m, t));
    }

    private void history(Message<JsonObject> m) {
        HistoryRequest r = bus.parse(m, "group", HistoryRequest::fromJson);
        if (r == null) return;
        long upTo = r.upTo() == null ? Long.MAX_VALUE : r.upTo();
        lastSeen.get(r.user()).compose(seen -> {
            if (seen == null || seen >= upTo) {
                // A first visit replays nothing: history before the account's first visit is not "missed".
                Future<Void> first = seen == null && r.upTo() != null ? lastSeen.advance(r.user(), upTo) : Future.succeededFuture();
                return first.map(v -> new HistoryReply(List.of(), 0));
            }
            long notBefore = clock.millis() - config.maxAge().toMillis();
            return history.since(seen, config.replayMax(), notBefore)
                    .map(slice -> MissedMessages.select(r.user(), seen, upTo, slice));
        }).onSuccess(reply -> m.reply(reply.toJson())).onFailure(t -> bus.failWith(m, t));
    }
}
