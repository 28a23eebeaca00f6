package dev.parley.protocol.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.Utf16;
import dev.parley.protocol.seed.SeedProtocolException.Reason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON object read the way Go's encoding/json fills a struct: keys match case-insensitively, the last
 * matching key wins, unknown keys are ignored and a JSON null counts as absent.
 */
final class SeedFields {

    private final String where; // names the object in error details, e.g. "RegisterMes.user"
    private final Map<String, JsonNode> byFoldedKey = new HashMap<>();

    SeedFields(ObjectNode object, String where) {
        this.where = where;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            byFoldedKey.put(fold(field.getKey()), field.getValue());
        }
    }

    long requiredId(String key) throws SeedProtocolException {
        return id(key, require(key));
    }

    long optionalId(String key) throws SeedProtocolException {
        JsonNode value = find(key);
        return value == null ? 0 : id(key, value);
    }

    int requiredInt(String key) throws SeedProtocolException {
        return integer(key, require(key));
    }

    int optionalInt(String key) throws SeedProtocolException {
        JsonNode value = find(key);
        return value == null ? 0 : integer(key, value);
    }

    String requiredString(String key) throws SeedProtocolException {
        return string(key, require(key));
    }

    String optionalString(String key) throws SeedProtocolException {
        JsonNode value = find(key);
        return value == null ? "" : string(key, value);
    }

    /** Null when absent or null, as a Go nil slice. */
    List<Long> optionalIdList(String key) throws SeedProtocolException {
        JsonNode value = find(key);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw invalid(key, "must be an array");
        }
        List<Long> ids = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            ids.add(id(key, element));
        }
        return ids;
    }

    SeedFields requiredObject(String key) throws SeedProtocolException {
        JsonNode value = require(key);
        if (!value.isObject()) {
            throw invalid(key, "must be an object");
        }
        return new SeedFields((ObjectNode) value, where + "." + key);
    }

    private JsonNode find(String key) {
        JsonNode value = byFoldedKey.get(fold(key));
        return value == null || value.isNull() ? null : value;
    }

    private JsonNode require(String key) throws SeedProtocolException {
        JsonNode value = find(key);
        if (value == null) {
            throw new SeedProtocolException(Reason.MISSING_FIELD, where + "." + key + " is missing");
        }
        return value;
    }

    // A JSON integer, or a string of digits: some clients send ids quoted. No leading zeros: "007" is not id 7.
    private long id(String key, JsonNode value) throws SeedProtocolException {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual() && value.textValue().matches("0|-?[1-9][0-9]{0,18}")) {
            try {
                return Long.parseLong(value.textValue());
            } catch (NumberFormatException tooBig) {
                // falls through to the error below
            }
        }
        throw invalid(key, "must be a 64-bit integer without leading zeros, got " + describe(value));
    }

    private int integer(String key, JsonNode value) throws SeedProtocolException {
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        throw invalid(key, "must be a 32-bit integer, got " + describe(value));
    }

    private String string(String key, JsonNode value) throws SeedProtocolException {
        if (!value.isTextual()) {
            throw invalid(key, "must be a string, got " + describe(value));
        }
        String text = value.textValue();
        // Strict UTF-8 on the wire is not enough: a JSON escape can still smuggle in half a surrogate pair.
        if (Utf16.hasUnpairedSurrogate(text)) {
            throw invalid(key, "contains an unpaired surrogate");
        }
        return text;
    }

    private SeedProtocolException invalid(String key, String problem) {
        return new SeedProtocolException(Reason.INVALID_FIELD, where + "." + key + " " + problem);
    }

    private static String describe(JsonNode value) {
        String text = value.toString();
        return value.getNodeType().name().toLowerCase(Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private static String fold(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
