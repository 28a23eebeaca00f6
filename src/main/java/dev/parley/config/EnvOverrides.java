package dev.parley.config;

import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.Map;

/**
 * Applies PARLEY_SECTION_KEY environment variables to the keys that exist in the configuration
 * (so a typo in an env name never silently creates a key). limits.maxFrameBytes is
 * PARLEY_LIMITS_MAX_FRAME_BYTES.
 */
public final class EnvOverrides {

    private EnvOverrides() {
    }

    public static String envName(String section, String key) {
        return "PARLEY_" + snake(section) + "_" + snake(key);
    }

    public static void apply(JsonObject config, Map<String, String> env) {
        for (String section : config.fieldNames()) {
            if (!(config.getValue(section) instanceof JsonObject values)) continue;
            for (String key : values.fieldNames()) {
                String value = env.get(envName(section, key));
                if (value != null) values.put(key, value);
            }
        }
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
