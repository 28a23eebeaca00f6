package dev.parley.protocol;

/**
 * A user came online, went offline, or (online) changed their away status.
 *
 * @param away null for an arrival or departure; for an away change, the new status
 */
public record PresenceEvent(String user, String name, boolean online, Away away) implements Outbound {
    /** The away status a change is to: {@code text}, or back when it is null. */
    public record Away(String text) {
        public static final Away BACK = new Away(null);

        public boolean back() {
            return text == null;
        }
    }

    public PresenceEvent(String user, String name, boolean online) {
        this(user, name, online, null);
    }

    /** {@code user} is now away with {@code text}, or back when it is null. */
    public static PresenceEvent away(String user, String name, String text) {
        return new PresenceEvent(user, name, true, text == null ? Away.BACK : new Away(text));
    }

    public boolean awayChange() {
        return away != null;
    }
}
