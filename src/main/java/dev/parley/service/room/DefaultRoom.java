package dev.parley.service.room;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.RoomName;
import dev.parley.service.delivery.NodeAddresses;

/**
 * The default room (rooms.default), the old global group. With {@code implicit} (rooms.autoJoinDefault)
 * every account is a member without a membership record, and what happens in it is published to every
 * node; otherwise it is a room like the others (except that it is never deleted).
 *
 * @param name     canonical name
 * @param display  as configured
 * @param implicit everyone is a member (rooms.autoJoinDefault)
 */
public record DefaultRoom(String name, String display, boolean implicit) {
    public static DefaultRoom of(ParleyConfig.Rooms config) {
        return new DefaultRoom(RoomName.canonical(config.defaultRoom()), config.defaultRoom(), config.autoJoinDefault());
    }

    public boolean is(String canonical) {
        return name.equals(canonical);
    }

    /** True when everyone is a member of {@code canonical} without a record. */
    public boolean implicitlyJoined(String canonical) {
        return implicit && is(canonical);
    }

    /** Where {@code canonical}'s messages and changes are published. */
    public String address(String canonical) {
        return implicitlyJoined(canonical) ? NodeAddresses.ALL : RoomAddresses.events(canonical);
    }
}
