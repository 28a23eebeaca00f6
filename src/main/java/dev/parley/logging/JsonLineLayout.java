package dev.parley.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.slf4j.event.KeyValuePair;

import java.time.Instant;

/**
 * One JSON object per log event, on one line, for log collectors (Kubernetes): {@code ts}, {@code level},
 * {@code logger}, {@code node}, {@code msg}, then the event's structured fields (SLF4J key-value pairs)
 * as top-level keys, and {@code error} / {@code stack} when a throwable is attached.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
    private static final int MAX_STACK_FRAMES = 30;

    @Override
    public String doLayout(ILoggingEvent e) {
        StringBuilder b = new StringBuilder(256);
        b.append('{');
        field(b, "ts", Instant.ofEpochMilli(e.getTimeStamp()).toString()).append(',');
        field(b, "level", e.getLevel().toString()).append(',');
        field(b, "logger", e.getLoggerName()).append(',');
        String node = getContext() == null ? null : getContext().getProperty(Logging.NODE_PROPERTY);
        field(b, "node", node == null ? "" : node).append(',');
        field(b, "msg", e.getFormattedMessage());
        if (e.getKeyValuePairs() != null) {
            for (KeyValuePair kv : e.getKeyValuePairs()) {
                b.append(',');
                if (kv.value instanceof Number || kv.value instanceof Boolean) {
                    quoted(b, kv.key).append(':').append(kv.value);
                } else {
                    field(b, kv.key, String.valueOf(kv.value));
                }
            }
        }
        IThrowableProxy t = e.getThrowableProxy();
        if (t != null) {
            b.append(',');
            field(b, "error", t.getClassName() + ": " + t.getMessage()).append(',');
            field(b, "stack", stack(t));
        }
        return b.append("}\n").toString();
    }

    private static String stack(IThrowableProxy t) {
        StringBuilder s = new StringBuilder();
        StackTraceElementProxy[] frames = t.getStackTraceElementProxyArray();
        for (int i = 0; i < Math.min(frames.length, MAX_STACK_FRAMES); i++) s.append(frames[i].getSTEAsString()).append('\n');
        return s.toString();
    }

    private static StringBuilder field(StringBuilder b, String key, String value) {
        return quoted(quoted(b, key).append(':'), value);
    }

    private static StringBuilder quoted(StringBuilder b, String s) {
        b.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s == null ? "null" : s, b);
        return b.append('"');
    }
}
