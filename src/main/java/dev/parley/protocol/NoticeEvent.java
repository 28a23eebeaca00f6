package dev.parley.protocol;

/** Information for the user that is neither a message nor a reply, e.g. skipped history. */
public record NoticeEvent(String code, String message) implements Outbound {
    public static final String HISTORY_TRUNCATED = "HISTORY_TRUNCATED";

    /**
     * More messages were missed than are replayed at login. With a room the notice names it (one notice per cut
     * room); without one it reads as before rooms.
     */
    public static NoticeEvent historyTruncated(String room, long skipped) {
        return new NoticeEvent(HISTORY_TRUNCATED, room == null
                ? skipped + " older group message(s) were missed and are not shown"
                : skipped + " older message(s) of " + room + " were missed and are not shown");
    }
}
