package dev.parley.logging;

import java.lang.reflect.RecordComponent;
import java.util.regex.Pattern;

/** A configuration record as one line of {@code section.key=value}, with every secret replaced by ***. */
public final class Redacted {
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|token|secret)$");

    private Redacted() {
    }

    public static String describe(Record config) {
        StringBuilder b = new StringBuilder();
        append(b, "", config);
        return b.toString().trim();
    }

    private static void append(StringBuilder b, String prefix, Record r) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                value = "?";
            }
            dev.parley.config.ConfigKey key = c.getAnnotation(dev.parley.config.ConfigKey.class);
            String name = prefix + (key == null ? c.getName() : key.value());
            if (value instanceof Record nested) {
                append(b, name + ".", nested);
            } else {
                boolean secret = SECRET.matcher(c.getName()).matches() && value != null && !String.valueOf(value).isEmpty();
                b.append(name).append('=').append(secret ? "***" : value).append(' ');
            }
        }
    }
}
