package dev.parley.service.delivery;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * A body sent to a node address ({@link NodeAddresses}): a JSON object whose "type" says which record it is.
 * {@link #fromJson} checks every field, since the node's consumer is the one address other nodes reach.
 */
public sealed interface Delivery permits PresenceChange, GroupMessage, RoomMessage, RoomTags, RoomChange, PrivateMessage, PrivateTags, Kick, CloseUser, ServerNotice, Ping {
    String PRESENCE = "presence";
    String GROUP = "group";
    /** A room message ({@link RoomMessage}). */
    String ROOM_MESSAGE = "room_message";
    /** Client-only tags for a room's members, live only ({@link RoomTags}). */
    String ROOM_TAGS = "room_tags";
    /** A join, part, kick or topic change in a room ({@link RoomChange}). */
    String ROOM_CHANGE = "room_change";
    String PRIVATE = "private";
    /** Client-only tags for one user, live only ({@link PrivateTags}). */
    String PRIVATE_TAGS = "private_tags";
    String KICK = "kick";
    /** Operators: close a user's session wherever it is ({@link CloseUser}). */
    String CLOSE_USER = "close_user";
    /** Operators: a notice to everyone online ({@link ServerNotice}). */
    String NOTICE = "notice";
    /** Readiness: a node asks its own address to prove the bus delivers to it. */
    String PING = "ping";

    JsonObject toJson();

    /** @throws BusCheck.InvalidBody naming the first problem, e.g. "message.text: expected a string …" */
    static Delivery fromJson(JsonObject j) {
        return switch (String.valueOf(j.getValue("type"))) {
            case PRESENCE -> PresenceChange.fromJson(j);
            case GROUP -> GroupMessage.fromJson(j);
            case ROOM_MESSAGE -> RoomMessage.fromJson(j);
            case ROOM_TAGS -> RoomTags.fromJson(j);
            case ROOM_CHANGE -> RoomChange.fromJson(j);
            case PRIVATE -> PrivateMessage.fromJson(j);
            case PRIVATE_TAGS -> PrivateTags.fromJson(j);
            case KICK -> Kick.fromJson(j);
            case CLOSE_USER -> CloseUser.fromJson(j);
            case NOTICE -> ServerNotice.fromJson(j);
            case PING -> new Ping();
            default -> {
                BusCheck.of(j).oneOf("type", Set.of(PRESENCE, GROUP, ROOM_MESSAGE, ROOM_TAGS, ROOM_CHANGE, PRIVATE, PRIVATE_TAGS, PING, KICK, CLOSE_USER, NOTICE)).orThrow();
                throw new IllegalStateException("unreachable: every known type has its case");
            }
        };
    }
}
