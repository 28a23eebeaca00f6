package dev.parley.protocol;

import java.util.List;

/**
 * A user came online, went offline, or (online) changed their away status.
 *
 * @param rooms the canonical rooms it was announced in, in announcing order (empty: the default room only). Not
 *              sent to JSON or text clients; IRC shows a user coming online as a JOIN in each channel the reader
 *              shares with them among these.
 * @param away  null for an arrival or departure; for an away change, the new status
 * @param reason why a user went offline when it was not their own doing ({@link #NODE_LOST}), else null
 */
public record PresenceEvent(String user, String name, boolean online, List<String> rooms, Away away, String reason)
        implements Outbound {
    /** The user's node died: their session ended without a goodbye (IRC shows it in the QUIT). */
    public static final String NODE_LOST = "NODE_LOST";

    /** The away status a change is to: {@code text}, or back when it is null. */
    public record Away(String text) {
        public static final Away BACK = new Away(null);

        public boolean back() {
            return text == null;
        }
    }

    public PresenceEvent(String user, String name, boolean online) {
        this(user, name, online, List.of(), null, null);
    }

    public PresenceEvent(String user, String name, boolean online, List<String> rooms) {
        this(user, name, online, rooms, null, null);
    }

    /** {@code user} went offline because their node died. */
    public static PresenceEvent nodeLost(String user, String name) {
        return new PresenceEvent(user, name, false, List.of(), null, NODE_LOST);
    }

    /** {@code user} is now away with {@code text}, or back when it is null. */
    public static PresenceEvent away(String user, String name, String text) {
        return new PresenceEvent(user, name, true, List.of(), text == null ? Away.BACK : new Away(text), null);
    }

    /** An arrival (not an away change): IRC shows it as JOINs. */
    public boolean arrival() {
        return online && away == null;
    }

    public boolean awayChange() {
        return away != null;
    }
}
