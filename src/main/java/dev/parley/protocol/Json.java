package dev.parley.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one Jackson configuration of the protocol layer: every decoder (JSON lines, seed frames) reads through it. */
public final class Json {
    /** A chat request is flat: deeper nesting is only an attack on the parser. */
    public static final int MAX_NESTING = 16;

    /**
     * Caps beyond the frame size: nesting (stack depth), number length (big-number parsing is superlinear) and
     * key length. Strings are bounded by the frame (limits.maxFrameBytes, at most 1 MiB).
     */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxNumberLength(64)
                    .maxNameLength(256)
                    .maxStringLength(1 << 20)
                    .build())
            .build());

    /** Exactly one JSON value: anything after it is an error, not ignored (as Go's json.Unmarshal does). */
    public static final ObjectReader STRICT_READER = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * What was wrong with unreadable JSON, in words fit for a client. Never the parser's own message: it names
     * library classes and source positions, and echoes input.
     */
    public static String problem(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "JSON exceeds a limit (nesting deeper than " + MAX_NESTING + ", or a number or key too long)";
        }
        return "invalid JSON";
    }
}
