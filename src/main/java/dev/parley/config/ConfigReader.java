package dev.parley.config;

import io.vertx.core.json.JsonObject;

/** Reads typed values at dotted paths, failing with a message that names the key. */
final class ConfigReader {
    private final JsonObject root;

    ConfigReader(JsonObject root) {
        this.root = root;
    }

    int integer(String path, long min, long max) {
        return (int) longValue(path, min, max);
    }

    long longValue(String path, long min, long max) {
        Object v = raw(path);
        long n;
        if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
            n = num.longValue();
        } else if (v instanceof String s) {
            try {
                n = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(path + ": expected a whole number, got '" + s + "'");
            }
        } else {
            throw new ConfigException(path + ": expected a whole number, got " + describe(v));
        }
        if (n < min || n > max) {
            throw new ConfigException(path + ": must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    String string(String path) {
        Object v = raw(path);
        if (v == null) return "";
        if (v instanceof String || v instanceof Number || v instanceof Boolean) return String.valueOf(v);
        throw new ConfigException(path + ": expected a string, got " + describe(v));
    }

    /** A string that must be one of {@code allowed} (compared case-insensitively, returned lower case). */
    String oneOf(String path, java.util.List<String> allowed) {
        String v = string(path).trim().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new ConfigException(path + ": expected one of " + String.join(", ", allowed) + ", got '" + string(path) + "'");
        }
        return v;
    }

    boolean bool(String path) {
        Object v = raw(path);
        if (v instanceof Boolean b) return b;
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new ConfigException(path + ": expected true or false, got " + describe(v));
    }

    private Object raw(String path) {
        String[] parts = path.split("\\.");
        Object cur = root;
        for (String p : parts) {
            if (!(cur instanceof JsonObject o) || !o.containsKey(p)) {
                throw new ConfigException(path + ": missing");
            }
            cur = o.getValue(p);
        }
        return cur;
    }

    private static String describe(Object v) {
        return v == null ? "nothing" : "'" + v + "'";
    }
}
