package dev.parley.service.room;

import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import dev.parley.service.Dedup;
import dev.parley.service.MessageIds;
import dev.parley.service.group.SayReply;
import dev.parley.store.RoomHistoryStore;
import dev.parley.store.RoomSpeech;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;

/**
 * Saying something in a room, the default room included (one path for all): deduplicate by cid, store with one
 * store step (the member check and the append together, {@link RoomSpeech}; for the implicitly joined default
 * room only the append), then publish once. The caller runs one sender's says one after another.
 */
final class RoomSay {
    private final RoomSpeech speech;
    private final RoomHistoryStore history;
    private final DefaultRoom defaultRoom;
    private final RoomEvents events;
    private final Dedup dedup;
    private final MessageIds ids;
    /** Stamps messages. */
    private final Clock clock;

    RoomSay(RoomSpeech speech, RoomHistoryStore history, DefaultRoom defaultRoom, RoomEvents events, Dedup dedup,
            MessageIds ids, Clock clock) {
        this.speech = speech;
        this.history = history;
        this.defaultRoom = defaultRoom;
        this.events = events;
        this.dedup = dedup;
        this.ids = ids;
        this.clock = clock;
    }

    // say {room, text, cid?}: members only; a retry with the same cid gets the first reply, delivered once.
    Future<JsonObject> say(RoomSayRequest r) {
        String name = RoomNames.canonical(r.room());
        long ts = clock.millis();
        StoredMessage msg = new StoredMessage(ids.next(ts), r.from(), r.name(), null, r.text(), ts, 0);
        JsonObject reply = new SayReply(msg.id(), ts).toJson();
        // The group's key: a retry of a say sent before rooms existed is still recognised.
        String key = r.cid() == null ? null : Dedup.key(r.from(), "say", r.cid());
        return dedup.claim(key, reply).compose(claim -> {
            if (claim.earlierReply() != null) return Future.succeededFuture(claim.earlierReply());
            // An abandoned attempt (its node died) may have published already: sent again under its id.
            JsonObject answer = claim.answerOr(reply);
            return store(name, r.from(), msg.withIdAndTs(answer.getString("id"), answer.getLong("ts")))
                    .onSuccess(said -> {
                        events.message(name, said.display(), said.message(), r.tags());
                        dedup.complete(key, answer);
                    })
                    // Refused or failed: the claim is given up, so a retry (after joining, say) really runs.
                    .onFailure(t -> dedup.abandon(key, answer))
                    .map(answer);
        });
    }

    /** The stored message and the room's display name; NO_SUCH_ROOM or NOT_IN_ROOM when refused. */
    private Future<RoomSpeech.Said> store(String name, String from, StoredMessage msg) {
        if (defaultRoom.implicitlyJoined(name)) {
            return history.append(name, msg).map(stored -> RoomSpeech.Said.said(stored, defaultRoom.display()));
        }
        return speech.say(name, from, msg).compose(said -> switch (said.outcome()) {
            case SAID -> Future.succeededFuture(said);
            case NO_SUCH_ROOM -> Future.failedFuture(Bus.error(ChatError.NO_SUCH_ROOM, null));
            case NOT_IN_ROOM -> Future.failedFuture(Bus.error(ChatError.NOT_IN_ROOM, null));
        });
    }
}
