package dev.parley.protocol;

import java.util.List;

/**
 * A user came online or went offline.
 *
 * @param rooms the canonical rooms it was announced in, in announcing order (empty: the default room only). Not
 *              sent to JSON or text clients; IRC shows a user coming online as a JOIN in each channel the reader
 *              shares with them among these.
 */
public record PresenceEvent(String user, String name, boolean online, List<String> rooms) implements Outbound {
    public PresenceEvent(String user, String name, boolean online) {
        this(user, name, online, List.of());
    }
}
