package dev.parley.protocol.seed;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.Json;
import dev.parley.protocol.Utf16;
import dev.parley.protocol.seed.SeedMessage.LoginMes;
import dev.parley.protocol.seed.SeedMessage.LoginResMes;
import dev.parley.protocol.seed.SeedMessage.NotifyUserStatusMes;
import dev.parley.protocol.seed.SeedMessage.RegisterMes;
import dev.parley.protocol.seed.SeedMessage.RegisterResMes;
import dev.parley.protocol.seed.SeedMessage.SmsMes;
import dev.parley.protocol.seed.SeedProtocolException.Reason;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Turns seed frame bodies into {@link SeedMessage}s and messages into complete frames.
 *
 * <p>The envelope is {@code {"type":"<TypeName>","data":"<inner JSON as a string>"}}. Decoding is as forgiving as
 * the original's Go decoder where that is harmless (key case, unknown keys, null as absent, quoted ids) and strict
 * where leniency would let bad text into Parley (UTF-8, trailing garbage, wrong JSON types).
 */
public final class SeedCodec {

    /** The stock client reads into a fixed 8096-byte buffer; a larger body crashes it. */
    public static final int MAX_OUTPUT_BODY = 8096;

    /** Appended to a string {@link #encode} had to shorten, so the reader sees the cut. */
    public static final String TRUNCATION_MARKER = " …[truncated]";

    private static final int HEADER_BYTES = SeedFrameDecoder.HEADER_BYTES;
    private static final Set<String> KNOWN_TYPES = Set.of(LoginMes.TYPE, LoginResMes.TYPE, RegisterMes.TYPE,
            RegisterResMes.TYPE, NotifyUserStatusMes.TYPE, SmsMes.TYPE);
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private SeedCodec() {
    }

    /**
     * Reads one frame body (without its 4-byte header).
     *
     * @throws SeedProtocolException if the body is not strict UTF-8, not a JSON object, has an unknown
     *                               {@code type}, or lacks or mistypes a field the message needs
     */
    public static SeedMessage decode(byte[] body) throws SeedProtocolException {
        SeedFields envelope = new SeedFields(parseObject(strictUtf8(body), "body"), "envelope");
        String type = envelope.requiredString("type");
        if (!KNOWN_TYPES.contains(type)) {
            throw new SeedProtocolException(Reason.UNKNOWN_TYPE, "unknown type \"" + clip(type) + "\"");
        }
        SeedFields data = new SeedFields(parseObject(envelope.requiredString("data"), "data"), type);
        return switch (type) {
            case LoginMes.TYPE -> new LoginMes(
                    data.requiredId("userId"), data.requiredString("userPwd"), data.optionalString("userName"));
            case LoginResMes.TYPE -> new LoginResMes(
                    data.requiredInt("code"), data.optionalIdList("UsersId"), data.optionalString("error"));
            case RegisterMes.TYPE -> new RegisterMes(user(data.requiredObject("user")));
            case RegisterResMes.TYPE -> new RegisterResMes(data.requiredInt("code"), data.optionalString("error"));
            case NotifyUserStatusMes.TYPE -> new NotifyUserStatusMes(
                    data.requiredId("userId"), data.requiredInt("status"));
            case SmsMes.TYPE -> new SmsMes(data.requiredString("content"), data.optionalId("userId"),
                    data.optionalString("userPwd"), data.optionalString("userName"),
                    data.optionalInt("userStatus"), data.optionalString("sex"));
            default -> throw new IllegalStateException("KNOWN_TYPES and this switch disagree on " + type);
        };
    }

    /**
     * Writes a complete frame, 4-byte big-endian length then body, in one array so it can go out in one write:
     * the stock client reads header and body with a single read each, no loop, so a frame split across writes
     * risks being misread.
     *
     * <p>The body never exceeds {@link #MAX_OUTPUT_BODY} bytes. When it would:
     * <ul>
     *   <li>{@code SmsMes}: {@code content} is cut to the longest prefix, on a code-point boundary, that fits with
     *       {@link #TRUNCATION_MARKER} appended (sizes are measured on the real, doubly escaped output). If even an
     *       empty content does not fit, {@code userPwd}, {@code userName} and {@code sex}, which the stock client
     *       never shows, are sent empty.</li>
     *   <li>{@code LoginResMes}: {@code UsersId} keeps its longest prefix that fits (no marker: it is a list of
     *       numbers), so put the ids that matter most first; if no id fits, {@code error} is cut as above.</li>
     *   <li>{@code RegisterResMes}: {@code error} is cut as above.</li>
     *   <li>{@code LoginMes}, {@code RegisterMes}: credentials cannot be shortened meaningfully, so this throws
     *       {@link IllegalArgumentException}.</li>
     * </ul>
     * Unpaired surrogates in strings are sent as U+FFFD, as Go's encoder does with invalid text.
     */
    public static byte[] encode(SeedMessage message) {
        if (message instanceof SmsMes m) {
            byte[] frame = fitText(m.content(),
                    c -> sms(c, m.userId(), m.userPwd(), m.userName(), m.userStatus(), m.sex()));
            if (frame == null) { // the user fields alone overflow; the stock client never shows them
                frame = fitText(m.content(), c -> sms(c, m.userId(), "", "", m.userStatus(), ""));
            }
            return fitted(frame, message);
        }
        if (message instanceof LoginResMes m) {
            return fitted(loginResult(m), message);
        }
        if (message instanceof RegisterResMes m) {
            return fitted(fitText(m.error(), e -> registerResult(m.code(), e)), message);
        }
        if (message instanceof NotifyUserStatusMes m) {
            return frame(m.type(), g -> {
                g.writeNumberField("userId", m.userId());
                g.writeNumberField("status", m.status());
            });
        }
        byte[] frame = message instanceof LoginMes m ? login(m) : register((RegisterMes) message);
        if (!fits(frame)) {
            throw new IllegalArgumentException(message.type() + " body is " + (frame.length - HEADER_BYTES)
                    + " bytes, above the " + MAX_OUTPUT_BODY + " the stock protocol allows");
        }
        return frame;
    }

    private static SeedUser user(SeedFields u) throws SeedProtocolException {
        return new SeedUser(u.requiredId("userId"), u.requiredString("userPwd"), u.optionalString("userName"),
                u.optionalInt("userStatus"), u.optionalString("sex"));
    }

    private static byte[] loginResult(LoginResMes m) {
        List<Long> ids = m.usersId();
        byte[] whole = loginResult(m.code(), ids, m.error());
        if (fits(whole)) {
            return whole;
        }
        if (ids != null) {
            byte[] someIds = largestFitting(ids.size(), k -> loginResult(m.code(), ids.subList(0, k), m.error()));
            if (someIds != null) {
                return someIds;
            }
        }
        List<Long> noIds = ids == null ? null : List.of();
        return fitText(m.error(), e -> loginResult(m.code(), noIds, e));
    }

    private static byte[] login(LoginMes m) {
        return frame(m.type(), g -> {
            g.writeNumberField("userId", m.userId());
            g.writeStringField("userPwd", text(m.userPwd()));
            g.writeStringField("userName", text(m.userName()));
        });
    }

    private static byte[] loginResult(int code, List<Long> ids, String error) {
        return frame(LoginResMes.TYPE, g -> {
            g.writeNumberField("code", code);
            g.writeFieldName("UsersId"); // capitalised: the Go field had no json tag
            if (ids == null) {
                g.writeNull();
            } else {
                g.writeStartArray();
                for (long id : ids) {
                    g.writeNumber(id);
                }
                g.writeEndArray();
            }
            g.writeStringField("error", text(error));
        });
    }

    private static byte[] register(RegisterMes m) {
        SeedUser u = m.user();
        return frame(m.type(), g -> {
            g.writeObjectFieldStart("user");
            g.writeNumberField("userId", u.userId());
            g.writeStringField("userPwd", text(u.userPwd()));
            g.writeStringField("userName", text(u.userName()));
            g.writeNumberField("userStatus", u.userStatus());
            g.writeStringField("sex", text(u.sex()));
            g.writeEndObject();
        });
    }

    private static byte[] registerResult(int code, String error) {
        return frame(RegisterResMes.TYPE, g -> {
            g.writeNumberField("code", code);
            g.writeStringField("error", text(error));
        });
    }

    private static byte[] sms(String content, long userId, String userPwd, String userName, int userStatus,
                              String sex) {
        return frame(SmsMes.TYPE, g -> {
            g.writeStringField("content", text(content));
            g.writeNumberField("userId", userId);
            g.writeStringField("userPwd", text(userPwd));
            g.writeStringField("userName", text(userName));
            g.writeNumberField("userStatus", userStatus);
            g.writeStringField("sex", text(sex));
        });
    }

    /** Writes the fields of the inner object. */
    private interface InnerFields {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] frame(String type, InnerFields fields) {
        try {
            StringWriter inner = new StringWriter();
            try (JsonGenerator g = FACTORY.createGenerator(inner)) {
                g.writeStartObject();
                fields.write(g);
                g.writeEndObject();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_BYTES + 2 * inner.getBuffer().length() + 32);
            out.write(new byte[HEADER_BYTES]); // patched below, once the body length is known
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("type", type);
                g.writeStringField("data", inner.toString());
                g.writeEndObject();
            }
            byte[] frame = out.toByteArray();
            ByteBuffer.wrap(frame).putInt(frame.length - HEADER_BYTES);
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
    }

    /**
     * The frame for {@code text} if it fits, else for its longest code-point prefix plus the marker that fits;
     * null if not even the marker alone fits.
     */
    private static byte[] fitText(String text, Function<String, byte[]> frameFor) {
        byte[] whole = frameFor.apply(text);
        if (fits(whole)) {
            return whole;
        }
        // Every code point costs at least one byte, so no prefix longer than this can fit.
        int[] codePoints = text.codePoints().limit(MAX_OUTPUT_BODY).toArray();
        return largestFitting(codePoints.length,
                k -> frameFor.apply(new String(codePoints, 0, k) + TRUNCATION_MARKER));
    }

    /** Binary search for the largest k in [0, upperK] whose frame fits, given frames grow with k; null if none. */
    private static byte[] largestFitting(int upperK, IntFunction<byte[]> frameFor) {
        byte[] best = null;
        int low = 0;
        int high = upperK;
        while (low <= high) {
            int k = (low + high) >>> 1;
            byte[] frame = frameFor.apply(k);
            if (fits(frame)) {
                best = frame;
                low = k + 1;
            } else {
                high = k - 1;
            }
        }
        return best;
    }

    private static boolean fits(byte[] frame) {
        return frame != null && frame.length - HEADER_BYTES <= MAX_OUTPUT_BODY;
    }

    private static byte[] fitted(byte[] frame, SeedMessage message) {
        if (frame == null) {
            // Only reachable if the fixed parts of a message outgrow the cap, which the six types cannot.
            throw new IllegalStateException(message.type() + " cannot be made to fit " + MAX_OUTPUT_BODY + " bytes");
        }
        return frame;
    }

    private static String text(String value) {
        return Utf16.replaceUnpairedSurrogates(value);
    }

    private static String strictUtf8(byte[] body) throws SeedProtocolException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length); // UTF-8 never yields more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new SeedProtocolException(Reason.INVALID_UTF8, "invalid UTF-8 at byte " + in.position());
        }
        return out.flip().toString();
    }

    private static ObjectNode parseObject(String json, String what) throws SeedProtocolException {
        JsonNode node;
        try {
            // The shared reader: same depth and length caps as JSON lines, and trailing tokens are an error.
            node = Json.STRICT_READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SeedProtocolException(Reason.BAD_JSON, what + ": " + Json.problem(e));
        }
        if (node == null || !node.isObject()) {
            throw new SeedProtocolException(Reason.BAD_JSON, what + " is not a JSON object");
        }
        return (ObjectNode) node;
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
