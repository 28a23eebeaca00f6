package dev.parley.gateway;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.RoomName;

/**
 * The configuration the gateway reads: its listeners ({@code server.*}), its limits ({@code limits.*}),
 * rooms ({@code rooms.*}) and the replay bound per room ({@code history.replayMax}).
 */
public record GatewaySettings(ParleyConfig.Server server, ParleyConfig.Limits limits, ParleyConfig.Rooms rooms,
                              ParleyConfig.History history, ParleyConfig.Irc irc) {

    public static GatewaySettings of(ParleyConfig config) {
        return new GatewaySettings(config.server(), config.limits(), config.rooms(), config.history(), config.irc());
    }

    /** The default room's canonical name (the old global group). */
    String defaultRoom() {
        return RoomName.canonical(rooms.defaultRoom());
    }

    /**
     * Whether {@code room} is the default room with everyone in it (rooms.autoJoinDefault): its events go to
     * every node and every session. Otherwise the default room is consumed and indexed like any other.
     */
    boolean implicitRoom(String room) {
        return rooms.autoJoinDefault() && defaultRoom().equals(room);
    }
}
