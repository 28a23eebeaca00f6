package dev.parley.client;

import io.vertx.core.json.JsonObject;
import org.jline.utils.AttributedString;

import java.util.Optional;

/**
 * Renders what the session reports as display lines. Pure: styles are attached here and
 * dropped by the printer when colour is off.
 */
interface EventFormatter {

    /** A server event, or a reply that matched no request; empty when not worth a line. */
    Optional<AttributedString> event(JsonObject frame);

    /** The reply to the user's {@code request}; empty when success needs no words. */
    Optional<AttributedString> reply(JsonObject request, JsonObject reply);

    AttributedString status(SessionStatus status);

    /** One line of help or other information. */
    AttributedString info(String line);

    /** The value of {@code key} as text whatever its JSON type, or null. */
    static String field(JsonObject frame, String key) {
        Object value = frame.getValue(key);
        return value == null ? null : String.valueOf(value);
    }
}
