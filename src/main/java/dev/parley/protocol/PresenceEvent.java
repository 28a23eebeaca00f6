package dev.parley.protocol;

public record PresenceEvent(String user, String name, boolean online) implements Outbound {
}
