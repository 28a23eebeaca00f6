package dev.parley.protocol.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.Json;
import dev.parley.protocol.seed.SeedMessage.LoginMes;
import dev.parley.protocol.seed.SeedMessage.LoginResMes;
import dev.parley.protocol.seed.SeedMessage.NotifyUserStatusMes;
import dev.parley.protocol.seed.SeedMessage.RegisterMes;
import dev.parley.protocol.seed.SeedMessage.RegisterResMes;
import dev.parley.protocol.seed.SeedMessage.SmsMes;
import dev.parley.protocol.seed.SeedProtocolException.Reason;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads a frame body into a {@link SeedMessage}: strict about bytes (UTF-8, one JSON object, no trailing tokens),
 * and as forgiving about fields as Go's decoder ({@link SeedFields}).
 */
final class SeedMessageDecoder {

    private static final Set<String> KNOWN_TYPES = Set.of(LoginMes.TYPE, LoginResMes.TYPE, RegisterMes.TYPE,
            RegisterResMes.TYPE, NotifyUserStatusMes.TYPE, SmsMes.TYPE);

    private SeedMessageDecoder() {
    }

    /** See {@link SeedCodec#decode}. */
    static SeedMessage decode(byte[] body) throws SeedProtocolException {
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

    private static SeedUser user(SeedFields u) throws SeedProtocolException {
        return new SeedUser(u.requiredId("userId"), u.requiredString("userPwd"), u.optionalString("userName"),
                u.optionalInt("userStatus"), u.optionalString("sex"));
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
