package dev.parley.protocol.irc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IRCv3 tags Parley sets on relayed messages, and their value formats: {@code time} (server-time: UTC with
 * milliseconds, {@code 2026-11-30T18:02:03.004Z}), {@code account} (account-tag), {@code msgid}, {@code label}
 * (labeled-response) and {@code batch}. Which of them a client gets depends on its enabled capabilities.
 */
public final class IrcTags {
    public static final String TIME = "time";
    public static final String ACCOUNT = "account";
    public static final String MSGID = "msgid";
    public static final String LABEL = "label";
    public static final String BATCH = "batch";
    private static final DateTimeFormatter SERVER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private IrcTags() {
    }

    /** server-time's format for an epoch-millisecond timestamp (Parley's {@code ts}). */
    public static String serverTime(long epochMillis) {
        return SERVER_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * The tags a relayed message carries for a client with these capabilities: {@code time} with server-time,
     * {@code account} with account-tag, {@code msgid} with message-tags. Null values are left out.
     */
    public static Map<String, String> forMessage(CapNegotiation caps, long epochMillis, String account, String msgid) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (caps.enabled(CapNegotiation.SERVER_TIME)) tags.put(TIME, serverTime(epochMillis));
        if (caps.enabled(CapNegotiation.ACCOUNT_TAG) && account != null) tags.put(ACCOUNT, account);
        if (caps.enabled(CapNegotiation.MESSAGE_TAGS) && msgid != null) tags.put(MSGID, msgid);
        return tags;
    }
}
