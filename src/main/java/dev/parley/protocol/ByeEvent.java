package dev.parley.protocol;

public record ByeEvent(ByeReason reason, String message) implements Outbound {
    public ByeEvent(ByeReason reason) {
        this(reason, reason.defaultMessage);
    }
}
