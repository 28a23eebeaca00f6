package dev.parley.service.room;

import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import dev.parley.service.Empty;
import dev.parley.store.Room;
import dev.parley.store.RoomStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;

/** What operators do: set the topic, kick, ban, unban, invite, grant and revoke operator, close and open a room. */
final class RoomModeration {
    private final RoomStore rooms;
    private final RoomAccess access;
    private final RoomJoins joins;
    private final RoomEvents events;
    private final DefaultRoom defaultRoom;
    /** Longest topic (limits.maxTextChars, as for messages). */
    private final int maxTextChars;
    private final Clock clock;

    RoomModeration(RoomStore rooms, RoomAccess access, RoomJoins joins, RoomEvents events, DefaultRoom defaultRoom,
                   int maxTextChars, Clock clock) {
        this.rooms = rooms;
        this.access = access;
        this.joins = joins;
        this.events = events;
        this.defaultRoom = defaultRoom;
        this.maxTextChars = maxTextChars;
        this.clock = clock;
    }

    // topic {room, text?}: without text, reads it (an invite-only room's members only); setting it: operators only.
    Future<JsonObject> topic(TopicRequest r) {
        String name = RoomNames.canonical(r.room());
        return access.existing(name).compose(room -> {
            if (r.text() == null) {
                return access.isMember(name, r.user()).compose(member -> {
                    if (!RoomPolicy.visibleTo(room, member)) return Future.failedFuture(Bus.error(ChatError.NOT_IN_ROOM, null));
                    return Future.succeededFuture(new TopicReply(room.display(), room.topic(), room.topicBy(), room.topicTs()).toJson());
                });
            }
            RoomPolicy.requireOperator(room, r.user());
            if (r.text().codePointCount(0, r.text().length()) > maxTextChars) {
                throw Bus.error(ChatError.TEXT_TOO_LONG, "a topic is limited to " + maxTextChars + " characters");
            }
            long ts = clock.millis();
            return rooms.setTopic(name, r.text(), r.user(), ts).map(v -> {
                events.topic(room, r.text(), r.user(), ts);
                return new TopicReply(room.display(), r.text(), r.user(), ts).toJson();
            });
        });
    }

    // kick|ban|unban|invite|op|deop {room, user} and invite_only|open {room}: operators only.
    Future<JsonObject> moderate(ModerateRequest r) {
        String name = RoomNames.canonical(r.room());
        return access.existing(name).compose(room -> {
            RoomPolicy.requireOperator(room, r.by());
            if (r.action().targetsUser()) RoomPolicy.checkTarget(room, r.action(), r.target());
            boolean removes = r.action() == ModerateRequest.Action.KICK || r.action() == ModerateRequest.Action.BAN;
            if (removes && defaultRoom.implicitlyJoined(name)) {
                throw Bus.error(ChatError.BAD_REQUEST, "everyone is in the default room");
            }
            return switch (r.action()) {
                case KICK -> kick(room, r);
                case BAN -> ban(room, r);
                case UNBAN -> rooms.setBanned(name, r.target(), false).map(changed -> announced(changed, room, "-b", r));
                case INVITE -> rooms.invite(name, r.target()).compose(v -> events.invited(room, r.target(), r.by())).mapEmpty();
                case OP -> rooms.setOperator(name, r.target(), true).map(changed -> announced(changed, room, "+o", r));
                case DEOP -> rooms.setOperator(name, r.target(), false).map(changed -> announced(changed, room, "-o", r));
                case INVITE_ONLY -> inviteOnly(room, true, r);
                case OPEN -> inviteOnly(room, false, r);
            };
        }).map(v -> Empty.INSTANCE.toJson());
    }

    /** Tells the room's members of a mode change that changed something (a repeated +o is not news). */
    private Void announced(boolean changed, Room room, String change, ModerateRequest r) {
        if (changed) events.mode(room, change, r.target(), r.by());
        return null;
    }

    /** Sets invite-only; announced only when it differs from the room as read (the store does not say). */
    private Future<Void> inviteOnly(Room room, boolean on, ModerateRequest r) {
        if (room.inviteOnly() == on) return rooms.setInviteOnly(room.name(), on);
        return rooms.setInviteOnly(room.name(), on).map(v -> announced(true, room, on ? "+i" : "-i", r));
    }

    private Future<Void> kick(Room room, ModerateRequest r) {
        return joins.remove(room, r.target()).compose(wasMember -> {
            if (!wasMember) return Future.failedFuture(Bus.error(ChatError.NOT_IN_ROOM, r.target() + " is not in " + room.display()));
            events.kicked(room, r.target(), r.by(), r.reason());
            return Future.succeededFuture();
        });
    }

    /** Bans, removing the member in the same step; a member is told as kicked, so their node stops delivering. */
    private Future<Void> ban(Room room, ModerateRequest r) {
        return access.isMember(room.name(), r.target())
                .compose(member -> rooms.setBanned(room.name(), r.target(), true).map(changed -> {
                    // The ban first, then the kick it causes (as IRC servers show MODE +b before KICK).
                    announced(changed, room, "+b", r);
                    return member;
                }))
                .compose(wasMember -> {
                    if (!wasMember) return Future.succeededFuture();
                    events.kicked(room, r.target(), r.by(), r.reason() == null ? "banned" : r.reason());
                    return joins.forgetPosition(r.target(), room.name());
                });
    }
}
