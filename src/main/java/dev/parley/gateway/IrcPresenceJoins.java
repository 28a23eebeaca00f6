package dev.parley.gateway;

import dev.parley.protocol.PresenceEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A co-member coming online, for an IRC reader: IRC has no "came online", so it is a JOIN in each channel the
 * reader shares with them among the rooms the arrival was announced in (rooms above rooms.presenceFanoutMax members
 * are not among them). Going offline stays one QUIT, which clients apply to every channel they list the nick in.
 * The lines depend on the reader's channels, so the connection renders them once per (variant, channels) on the
 * event ({@link EncodedEvent#ircBytes(String, java.util.function.Supplier)}), shared by readers alike.
 */
final class IrcPresenceJoins {

    private IrcPresenceJoins() {
    }

    /** The display names of the channels {@code reader} shares with the arriving user, in announcing order. */
    static List<String> sharedChannels(PresenceEvent p, SessionRooms reader, String defaultDisplay) {
        List<String> channels = new ArrayList<>();
        List<String> order = p.rooms().isEmpty() ? List.of(reader.defaultRoom()) : p.rooms();
        for (String room : order) {
            if (reader.contains(room)) channels.add(reader.isDefault(room) ? defaultDisplay : reader.display(room, room));
        }
        return channels;
    }
}
