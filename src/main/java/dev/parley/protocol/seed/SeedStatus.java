package dev.parley.protocol.seed;

/** User status values of the seed protocol ({@code userStatus}, {@code status}); the original's iota order. */
public final class SeedStatus {
    public static final int ONLINE = 0;
    public static final int OFFLINE = 1;
    public static final int BUSY = 2;

    private SeedStatus() {
    }
}
