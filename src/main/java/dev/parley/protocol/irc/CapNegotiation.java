package dev.parley.protocol.irc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One connection's IRCv3 capability negotiation (CAP LS [302], LIST, REQ, END): which capabilities are enabled, and
 * whether connection registration is on hold (from the first {@code CAP LS} or {@code CAP REQ} before registration
 * until {@code CAP END}). The offered list comes from the integration: advertise only what the gateway really does.
 * REQ is atomic: every change in it is ACKed, or the whole request is NAKed and nothing changes.
 */
public final class CapNegotiation {
    public static final String ACCOUNT_REGISTRATION = "draft/account-registration";
    public static final String ACCOUNT_TAG = "account-tag";
    public static final String AWAY_NOTIFY = "away-notify";
    public static final String BATCH = "batch";
    public static final String CAP_NOTIFY = "cap-notify";
    public static final String CHATHISTORY = "draft/chathistory";
    public static final String ECHO_MESSAGE = "echo-message";
    public static final String EXTENDED_JOIN = "extended-join";
    public static final String LABELED_RESPONSE = "labeled-response";
    public static final String MESSAGE_TAGS = "message-tags";
    public static final String MULTI_PREFIX = "multi-prefix";
    public static final String SASL = "sasl";
    public static final String SERVER_TIME = "server-time";

    /** A capability as advertised; {@code value} (may be null) is shown only to CAP LS 302 clients. */
    public record Capability(String name, String value) {
        public Capability {
            if (name == null || name.isEmpty() || name.indexOf(' ') >= 0 || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("bad capability name: " + name);
            }
        }

        String token(boolean withValue) {
            return withValue && value != null && !value.isEmpty() ? name + "=" + value : name;
        }
    }

    /**
     * Everything this layer knows how to describe, with the values Parley's model gives: SASL PLAIN only; accounts
     * may be registered before connection registration completes, under any valid name (the nick follows the
     * account). The integration picks from it what it has wired.
     */
    public static final List<Capability> ALL = List.of(
            new Capability(ACCOUNT_TAG, null), new Capability(AWAY_NOTIFY, null), new Capability(BATCH, null),
            new Capability(CAP_NOTIFY, null), new Capability(ACCOUNT_REGISTRATION, "before-connect,custom-account-name"),
            new Capability(CHATHISTORY, null), new Capability(ECHO_MESSAGE, null), new Capability(EXTENDED_JOIN, null),
            new Capability(LABELED_RESPONSE, null), new Capability(MESSAGE_TAGS, null), new Capability(MULTI_PREFIX, null),
            new Capability(SASL, "PLAIN"), new Capability(SERVER_TIME, null));

    private final Numerics numerics;
    private final Map<String, Capability> offered = new LinkedHashMap<>();
    private final Set<String> enabled = new LinkedHashSet<>();
    /** 0 until CAP LS; then 301 or 302 (the highest version the client asked for). */
    private int version;
    private boolean holding;

    public CapNegotiation(Numerics numerics, List<Capability> offered) {
        this.numerics = numerics;
        for (Capability c : offered) this.offered.put(c.name(), c);
    }

    /** Whether connection registration must wait for CAP END. */
    public boolean holdsRegistration() {
        return holding;
    }

    public boolean enabled(String capability) {
        return enabled.contains(capability);
    }

    public Set<String> enabledCapabilities() {
        return Collections.unmodifiableSet(enabled);
    }

    /** 302 when the client said CAP LS 302 (it then has cap-notify implicitly, if offered), 301 after a bare CAP LS, else 0. */
    public int version() {
        return version;
    }

    /**
     * The replies to one CAP command. {@code client} is the nick ("*" before one), {@code registered} whether
     * connection registration is complete (then nothing is held).
     */
    // CAP <subcommand> [:<capabilities>]
    public List<IrcMessage> handle(IrcMessage cap, String client, boolean registered) {
        String target = client == null || client.isEmpty() ? "*" : client;
        if (cap.params().isEmpty()) return List.of(numerics.needMoreParams(target, "CAP"));
        String sub = cap.param(0).toUpperCase(Locale.ROOT);
        switch (sub) {
            case "LS" -> {
                int asked = parseVersion(cap.param(1));
                version = Math.max(version, asked);
                if (version >= 302 && offered.containsKey(CAP_NOTIFY)) enabled.add(CAP_NOTIFY);
                if (!registered) holding = true;
                List<String> tokens = new ArrayList<>();
                for (Capability c : offered.values()) tokens.add(c.token(asked >= 302));
                return listing(target, "LS", tokens);
            }
            case "LIST" -> {
                return listing(target, "LIST", new ArrayList<>(enabled));
            }
            case "REQ" -> {
                if (!registered) holding = true;
                return List.of(request(target, cap.param(1) == null ? "" : cap.param(1)));
            }
            case "END" -> {
                holding = false;
                return List.of();
            }
            default -> {
                return List.of(numerics.invalidCapCommand(target, cap.param(0)));
            }
        }
    }

    private IrcMessage request(String target, String requested) {
        String wanted = requested.trim();
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        boolean ok = !wanted.isEmpty();
        for (String token : wanted.split(" +")) {
            if (token.isEmpty()) continue;
            boolean removal = token.startsWith("-");
            String name = removal ? token.substring(1) : token;
            if (!offered.containsKey(name)) {
                ok = false;
                break;
            }
            (removal ? remove : add).add(name);
        }
        if (!ok) return reply(target, "NAK", wanted);
        enabled.removeAll(remove);
        enabled.addAll(add);
        return reply(target, "ACK", wanted);
    }

    /** LS and LIST: one line, or several with "*" before the text on all but the last. */
    private List<IrcMessage> listing(String target, String sub, List<String> tokens) {
        int fixed = IrcText.utf8Length(":" + numerics.server() + " CAP " + target + " " + sub + " * :");
        List<IrcMessage> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String token : tokens) {
            if (line.length() > 0 && fixed + IrcText.utf8Length(line.toString()) + 1 + IrcText.utf8Length(token) > IrcLimits.MAX_BODY) {
                out.add(IrcMessage.from(numerics.server(), "CAP", target, sub, "*", line.toString()));
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(token);
        }
        out.add(IrcMessage.from(numerics.server(), "CAP", target, sub, line.toString()));
        return out;
    }

    private IrcMessage reply(String target, String sub, String text) {
        return IrcMessage.from(numerics.server(), "CAP", target, sub, text);
    }

    private static int parseVersion(String v) {
        if (v == null) return 301;
        try {
            return Integer.parseInt(v.trim()) >= 302 ? 302 : 301;
        } catch (NumberFormatException e) {
            return 301;
        }
    }
}
