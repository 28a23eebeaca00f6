package dev.parley.service.room;

import dev.parley.service.MessageIds;
import dev.parley.service.group.SayReply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;

/**
 * Client-only tags sent to a room (IRCv3 TAGMSG): checked like a say (the room exists and the sender is a member,
 * the default room's implicit members included), then published once to the room's address and forgotten. Nothing
 * is stored: typing notices are worthless a minute later, and a store step would make each keystroke cost as much
 * as a message.
 */
final class RoomTagRelay {
    private final RoomAccess access;
    private final RoomEvents events;
    private final MessageIds ids;
    private final Clock clock;

    RoomTagRelay(RoomAccess access, RoomEvents events, MessageIds ids, Clock clock) {
        this.access = access;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    // tags {room, tags}: members only; NO_SUCH_ROOM or NOT_IN_ROOM otherwise.
    Future<JsonObject> relay(RoomTagsRequest r) {
        String name = RoomNames.canonical(r.room());
        return access.asMember(name, r.from()).map(room -> {
            long ts = clock.millis();
            String id = ids.next(ts);
            events.tags(name, room.display(), r.from(), r.name(), id, ts, r.tags());
            return new SayReply(id, ts).toJson();
        });
    }
}
