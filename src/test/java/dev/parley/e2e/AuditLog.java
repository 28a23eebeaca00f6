package dev.parley.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.logging.Audit;
import dev.parley.testkit.Await;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Captures the audit trail (the parley.audit logger) of this JVM while open, as key-value maps. */
final class AuditLog implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger(Audit.LOGGER);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previous = logger.getLevel();

    AuditLog() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
    }

    /** Waits (bounded) for an audit entry whose fields match, e.g. event=admin, action=kick. */
    Map<String, String> await(Predicate<Map<String, String>> match, String what) {
        Map<String, String> found = Await.firstNonNull(
                () -> entries().stream().filter(match).findFirst().orElse(null), Duration.ofSeconds(10), Duration.ofMillis(5));
        if (found == null) throw new AssertionError("no audit entry: " + what + "; have " + entries());
        return found;
    }

    Map<String, String> awaitAdmin(String action, String user) {
        return await(e -> "admin".equals(e.get("event")) && action.equals(e.get("action"))
                && (user == null || user.equals(e.get("user"))), "admin " + action + " " + user);
    }

    List<Map<String, String>> entries() {
        // AppenderBase appends while holding the appender's lock.
        synchronized (appender) {
            return appender.list.stream().map(AuditLog::fields).toList();
        }
    }

    private static Map<String, String> fields(ILoggingEvent e) {
        Map<String, String> m = new HashMap<>();
        if (e.getKeyValuePairs() != null) {
            for (KeyValuePair kv : e.getKeyValuePairs()) m.put(kv.key, String.valueOf(kv.value));
        }
        return m;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
