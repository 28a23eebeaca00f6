package dev.parley.protocol;

/** Information for the user that is neither a message nor a reply, e.g. skipped history. */
public record NoticeEvent(String code, String message) implements Outbound {
}
