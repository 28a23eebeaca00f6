package dev.parley.gateway;

/** The wire protocol of a connection, decided by its first byte (IRC: by its first word, or by the IRC port). */
public enum Protocol {
    JSON, TEXT, SEED, IRC;

    public static Protocol detect(byte first) {
        if (first == '{') return JSON;
        if (first == 0x00) return SEED;
        return TEXT;
    }
}
