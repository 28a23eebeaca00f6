package dev.parley.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.function.Consumer;

/**
 * The audit trail: who did what, from where, at INFO on the {@value #LOGGER} logger with structured
 * fields ({@code event}, {@code user}, {@code remote}, {@code node}, {@code reason}). Never a password,
 * never message text. Each event is also counted (by kind) for metrics.
 */
public final class Audit {
    public static final String LOGGER = "parley.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /** What happened; {@link #key} is the {@code event} field and the metric's {@code kind} label. */
    public enum Event {
        REGISTERED("register"), LOGIN_OK("login_ok"), LOGIN_FAILED("login_failed"),
        LOGIN_THROTTLED("login_throttled"), LOGOUT("logout"), REPLACED("replaced"), KICKED("kicked"),
        DROPPED("dropped"), ACCOUNT_CHANGED("account_changed"), ACCOUNT_DELETED("account_deleted"),
        ADMIN("admin"), ADMIN_DENIED("admin_denied"), NODE_JOINED("node_joined"), NODE_LEFT("node_left"), NODE_DEAD("node_dead"),
        REDIS_LOST("redis_lost"), REDIS_RECOVERED("redis_recovered"), CONFIG_LOADED("config_loaded"),
        BUS_REREGISTERED("bus_reregistered");

        public final String key;

        Event(String key) {
            this.key = key;
        }
    }

    /** Logs nothing and counts nothing: for unit tests of classes that audit. */
    public static final Audit NONE = new Audit(e -> { }, false);

    private final Consumer<Event> counter;
    private final boolean enabled;

    public Audit(Consumer<Event> counter) {
        this(counter, true);
    }

    private Audit(Consumer<Event> counter, boolean enabled) {
        this.counter = counter;
        this.enabled = enabled;
    }

    /** A user's event: {@code reason} says why (a ChatError or ByeReason code), or null. */
    public void user(Event event, String user, String remote, String reason) {
        if (!enabled) return;
        counter.accept(event);
        LoggingEventBuilder b = LOG.atInfo().addKeyValue("event", event.key);
        if (user != null) b = b.addKeyValue("user", user);
        if (remote != null) b = b.addKeyValue("remote", remote);
        if (reason != null) b = b.addKeyValue("reason", reason);
        b.log(event.key + (user == null ? "" : " " + user) + (remote == null ? "" : " from " + remote)
                + (reason == null ? "" : " (" + reason + ")"));
    }

    /**
     * An operator's action through the admin API: {@code action} (kick, lock...), its {@code target} user (or
     * null), the caller's {@code remote} address and the {@code result} ("ok" or an error code).
     */
    public void admin(String action, String target, String remote, String result) {
        if (!enabled) return;
        counter.accept(Event.ADMIN);
        LoggingEventBuilder b = LOG.atInfo().addKeyValue("event", Event.ADMIN.key).addKeyValue("action", action);
        if (target != null) b = b.addKeyValue("user", target);
        if (remote != null) b = b.addKeyValue("remote", remote);
        b = b.addKeyValue("result", result);
        b.log("admin " + action + (target == null ? "" : " " + target) + (remote == null ? "" : " from " + remote)
                + ": " + result);
    }

    /** A cluster or infrastructure event about {@code subject} (a node id, a Redis address...). */
    public void system(Event event, String subject, String detail) {
        if (!enabled) return;
        counter.accept(event);
        LoggingEventBuilder b = event == Event.REDIS_LOST || event == Event.NODE_DEAD || event == Event.BUS_REREGISTERED ? LOG.atWarn() : LOG.atInfo();
        b = b.addKeyValue("event", event.key);
        if (subject != null) b = b.addKeyValue("subject", subject);
        b.log(event.key + (subject == null ? "" : " " + subject) + (detail == null ? "" : ": " + detail));
    }
}
