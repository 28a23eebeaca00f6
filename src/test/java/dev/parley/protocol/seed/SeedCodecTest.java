package dev.parley.protocol.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.seed.SeedMessage.LoginMes;
import dev.parley.protocol.seed.SeedMessage.LoginResMes;
import dev.parley.protocol.seed.SeedMessage.NotifyUserStatusMes;
import dev.parley.protocol.seed.SeedMessage.RegisterMes;
import dev.parley.protocol.seed.SeedMessage.RegisterResMes;
import dev.parley.protocol.seed.SeedMessage.SmsMes;
import dev.parley.protocol.seed.SeedProtocolException.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The doc's sample: LoginMes for user 100, password 123456. */
    private static final String SAMPLE_LOGIN =
            "{\"type\":\"LoginMes\",\"data\":\"{\\\"userId\\\":100,\\\"userPwd\\\":\\\"123456\\\",\\\"userName\\\":\\\"\\\"}\"}";

    @Test
    @DisplayName("the doc's sample LoginMes frame is produced byte for byte, header 00 00 00 56")
    void sampleLoginFrame() throws Exception {
        byte[] frame = SeedCodec.encode(new LoginMes(100, "123456", ""));
        byte[] expected = concat(HexFormat.of().parseHex("00000056"), SAMPLE_LOGIN.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(expected, frame);
        assertEquals(new LoginMes(100, "123456", ""), SeedCodec.decode(body(frame)));
    }

    static Stream<SeedMessage> everyType() {
        return Stream.of(
                new LoginMes(100, "123456", ""),
                new LoginMes(Long.MAX_VALUE, "p\"w\\d\n\t\u0001</script>", "名字 🙂"),
                LoginResMes.ok(List.of(1L, 2L, 9_007_199_254_740_993L)),
                LoginResMes.ok(List.of()),
                LoginResMes.noSuchUser(),
                LoginResMes.wrongPassword(),
                LoginResMes.serverError(),
                new RegisterMes(new SeedUser(42, "secret", "Ann", SeedStatus.ONLINE, "")),
                new RegisterMes(new SeedUser(43, "", "王五", SeedStatus.BUSY, "女")),
                RegisterResMes.ok(),
                RegisterResMes.userExists(),
                RegisterResMes.otherError(),
                NotifyUserStatusMes.online(5),
                NotifyUserStatusMes.offline(6),
                new NotifyUserStatusMes(7, SeedStatus.BUSY),
                SmsMes.group("hello", 9),
                SmsMes.group("", 9),
                SmsMes.group("引号\"反斜杠\\ 换行\n emoji 🙂👍🏽 NUL\u0000 \u2028", 10),
                new SmsMes("c", 11, "pw", "name", SeedStatus.OFFLINE, "男"));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    @DisplayName("every message type survives encode then decode, in one frame whose header is the body length")
    void roundTrip(SeedMessage message) throws Exception {
        byte[] frame = SeedCodec.encode(message);
        assertEquals(frame.length - 4, ByteBuffer.wrap(frame).getInt());
        assertEquals(message, SeedCodec.decode(body(frame)));
    }

    @Test
    @DisplayName("the envelope is exactly type then data, and data is a string")
    void envelopeShape() throws Exception {
        JsonNode envelope = JSON.readTree(body(SeedCodec.encode(NotifyUserStatusMes.online(5))));
        assertEquals(List.of("type", "data"), fieldNames(envelope));
        assertEquals("NotifyUserStatusMes", envelope.get("type").textValue());
        assertTrue(envelope.get("data").isTextual());
    }

    @Test
    @DisplayName("each type carries exactly the doc's keys, in the original struct order")
    void exactInnerJson() throws Exception {
        assertEquals("{\"userId\":100,\"userPwd\":\"123456\",\"userName\":\"\"}",
                data(new LoginMes(100, "123456", "")));
        assertEquals("{\"code\":200,\"UsersId\":[1,2],\"error\":\"\"}",
                data(LoginResMes.ok(List.of(1L, 2L))));
        assertEquals("{\"code\":403,\"UsersId\":null,\"error\":\"密码不正确\"}",
                data(LoginResMes.wrongPassword()));
        assertEquals("{\"code\":500,\"UsersId\":null,\"error\":\"用户不存在..\"}",
                data(LoginResMes.noSuchUser()));
        assertEquals("{\"code\":505,\"UsersId\":null,\"error\":\"服务器内部错误...\"}",
                data(LoginResMes.serverError()));
        assertEquals("{\"user\":{\"userId\":1,\"userPwd\":\"p\",\"userName\":\"n\",\"userStatus\":0,\"sex\":\"\"}}",
                data(new RegisterMes(new SeedUser(1, "p", "n", 0, ""))));
        assertEquals("{\"code\":200,\"error\":\"\"}", data(RegisterResMes.ok()));
        assertEquals("{\"code\":505,\"error\":\"用户已经存在...\"}", data(RegisterResMes.userExists()));
        assertEquals("{\"code\":506,\"error\":\"注册发生未知错误...\"}", data(RegisterResMes.otherError()));
        assertEquals("{\"userId\":5,\"status\":1}", data(NotifyUserStatusMes.offline(5)));
        assertEquals("{\"content\":\"hi\",\"userId\":9,\"userPwd\":\"\",\"userName\":\"\",\"userStatus\":0,\"sex\":\"\"}",
                data(SmsMes.group("hi", 9)));
    }

    @Test
    @DisplayName("keys match case-insensitively in the envelope and inside data")
    void caseInsensitiveKeys() throws Exception {
        String body = "{\"TYPE\":\"LoginMes\",\"Data\":\"{\\\"USERID\\\":7,\\\"UserPwd\\\":\\\"x\\\",\\\"username\\\":\\\"n\\\"}\"}";
        assertEquals(new LoginMes(7, "x", "n"), decode(body));
        assertEquals(new NotifyUserStatusMes(5, 2), decode(envelope("NotifyUserStatusMes", "{\"UserId\":5,\"Status\":2}")));
        assertEquals(new LoginResMes(200, List.of(3L), ""),
                decode(envelope("LoginResMes", "{\"code\":200,\"usersid\":[3]}")));
        assertEquals(new RegisterMes(new SeedUser(8, "p", "n", 0, "f")),
                decode(envelope("RegisterMes", "{\"USER\":{\"userid\":8,\"USERPWD\":\"p\",\"UserName\":\"n\",\"SEX\":\"f\"}}")));
    }

    @Test
    @DisplayName("when a key repeats in any case, the last one wins, as in Go")
    void lastKeyWins() throws Exception {
        assertEquals(new LoginMes(2, "b", ""),
                decode(envelope("LoginMes", "{\"userId\":1,\"userPwd\":\"a\",\"USERID\":2,\"userpwd\":\"b\"}")));
    }

    @Test
    @DisplayName("unknown keys are ignored at both levels")
    void unknownKeysIgnored() throws Exception {
        String body = "{\"type\":\"SmsMes\",\"extra\":[1,{\"x\":null}],\"data\":"
                + JSON.writeValueAsString("{\"content\":\"hi\",\"userId\":3,\"toUser\":99,\"nested\":{\"a\":[true]}}") + "}";
        assertEquals(SmsMes.group("hi", 3), decode(body));
    }

    @Test
    @DisplayName("missing optional fields take Go's zero values; a null counts as missing")
    void zeroValues() throws Exception {
        assertEquals(new SmsMes("hi", 0, "", "", 0, ""), decode(envelope("SmsMes", "{\"content\":\"hi\"}")));
        assertEquals(new LoginMes(4, "p", ""), decode(envelope("LoginMes", "{\"userId\":4,\"userPwd\":\"p\",\"userName\":null}")));
        assertEquals(new RegisterMes(new SeedUser(1, "p", "n", 0, "")),
                decode(envelope("RegisterMes", "{\"user\":{\"userId\":1,\"userPwd\":\"p\",\"userName\":\"n\"}}")));
        assertEquals(new LoginResMes(403, null, ""), decode(envelope("LoginResMes", "{\"code\":403}")));
    }

    @Test
    @DisplayName("a user id may arrive as a numeric string")
    void quotedIds() throws Exception {
        assertEquals(new LoginMes(42, "p", ""), decode(envelope("LoginMes", "{\"userId\":\"42\",\"userPwd\":\"p\"}")));
        assertEquals(new LoginResMes(200, List.of(1L, 2L), ""),
                decode(envelope("LoginResMes", "{\"code\":200,\"UsersId\":[\"1\",2]}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"4x2\"", "\"\"", "\" 42\"", "1.5", "1e2", "true", "[1]", "{}", "99999999999999999999",
            "\"99999999999999999999\"",
            "\"007\"", "\"00\"", "\"-01\""})
    @DisplayName("a user id that is not a 64-bit integer, or a quoted one with leading zeros, is an invalid field")
    void badIds(String id) {
        assertReason(Reason.INVALID_FIELD, envelope("LoginMes", "{\"userId\":" + id + ",\"userPwd\":\"p\"}"));
    }

    @Test
    @DisplayName("required fields that are missing or null are reported as missing")
    void missingFields() {
        assertReason(Reason.MISSING_FIELD, envelope("LoginMes", "{\"userPwd\":\"p\"}"));
        assertReason(Reason.MISSING_FIELD, envelope("LoginMes", "{\"userId\":null,\"userPwd\":\"p\"}"));
        assertReason(Reason.MISSING_FIELD, envelope("LoginMes", "{\"userId\":1}"));
        assertReason(Reason.MISSING_FIELD, envelope("RegisterMes", "{}"));
        assertReason(Reason.MISSING_FIELD, envelope("RegisterMes", "{\"user\":{\"userPwd\":\"p\"}}"));
        assertReason(Reason.MISSING_FIELD, envelope("SmsMes", "{\"userId\":1}"));
        assertReason(Reason.MISSING_FIELD, envelope("LoginResMes", "{\"UsersId\":[1]}"));
        assertReason(Reason.MISSING_FIELD, envelope("RegisterResMes", "{\"error\":\"\"}"));
        assertReason(Reason.MISSING_FIELD, envelope("NotifyUserStatusMes", "{\"userId\":1}"));
        assertReason(Reason.MISSING_FIELD, "{\"data\":\"{}\"}");
        assertReason(Reason.MISSING_FIELD, "{\"type\":\"SmsMes\"}");
    }

    @Test
    @DisplayName("fields of the wrong JSON type are invalid")
    void wrongFieldTypes() {
        assertReason(Reason.INVALID_FIELD, envelope("SmsMes", "{\"content\":5}"));
        assertReason(Reason.INVALID_FIELD, envelope("SmsMes", "{\"content\":\"x\",\"userStatus\":\"0\"}"));
        assertReason(Reason.INVALID_FIELD, envelope("LoginResMes", "{\"code\":200,\"UsersId\":7}"));
        assertReason(Reason.INVALID_FIELD, envelope("LoginResMes", "{\"code\":3000000000}"));
        assertReason(Reason.INVALID_FIELD, envelope("RegisterMes", "{\"user\":\"1\"}"));
        assertReason(Reason.INVALID_FIELD, "{\"type\":5,\"data\":\"{}\"}");
        assertReason(Reason.INVALID_FIELD, "{\"type\":\"SmsMes\",\"data\":{\"content\":\"x\"}}");
    }

    @Test
    @DisplayName("an unknown type is rejected, and type values match exactly, as in the original switch")
    void unknownType() {
        assertReason(Reason.UNKNOWN_TYPE, envelope("PrivateMes", "{\"content\":\"x\"}"));
        assertReason(Reason.UNKNOWN_TYPE, envelope("loginmes", "{\"userId\":1,\"userPwd\":\"p\"}"));
        assertReason(Reason.UNKNOWN_TYPE, envelope("", "{}"));
        assertReason(Reason.UNKNOWN_TYPE, "{\"type\":\"Nope\",\"data\":\"not even json\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[]", "null", "42", "\"str\"", "not json",
            "{\"type\":\"SmsMes\",\"data\":\"{\\\"content\\\":\\\"x\\\"}\"} trailing",
            "{\"type\":\"SmsMes\",\"data\":\"{\\\"content\\\":\\\"x\\\"}\"}{}",
            "{'type':'SmsMes','data':'{}'}",
            "{\"type\":\"SmsMes\",/* c */\"data\":\"{}\"}",
            "{\"type\":\"SmsMes\",\"data\":\"{\\\"content\\\":\\\"a\nb\\\"}\"}",
            "{\"type\":\"SmsMes\",\"data\":\"{\\\"content\\\":\\\"x\\\"\"}",
            "{\"type\":\"SmsMes\",\"data\":\"[]\"}",
            "{\"type\":\"SmsMes\",\"data\":\"null\"}",
            "{\"type\":\"SmsMes\",\"data\":\"\"}",
            "{\"type\":\"SmsMes\",\"data\":\"{\\\"content\\\":\\\"x\\\"} extra\"}"})
    @DisplayName("anything that is not one JSON object, at either level, is bad JSON")
    void badJson(String body) {
        assertReason(Reason.BAD_JSON, body);
        assertCleanMessage(body);
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 100, 5000})
    @DisplayName("nesting deeper than the shared cap, in the envelope or in data, is bad JSON with a clean message")
    void deepNesting(int depth) {
        String deep = "[".repeat(depth) + "]".repeat(depth);
        String envelope = "{\"type\":\"SmsMes\",\"data\":\"{\\\"content\\\":\\\"x\\\"}\",\"extra\":" + deep + "}";
        assertReason(Reason.BAD_JSON, envelope);
        assertCleanMessage(envelope);
        String inner = "{\"type\":\"SmsMes\",\"data\":\"{\\\"content\\\":\\\"x\\\",\\\"extra\\\":" + deep + "}\"}";
        assertReason(Reason.BAD_JSON, inner);
        assertCleanMessage(inner);
    }

    /** What reaches the client in its bye line: our words, never the parser's (class names, positions, echoes). */
    private static void assertCleanMessage(String body) {
        String m = assertThrows(SeedProtocolException.class, () -> decode(body)).getMessage();
        for (String leak : List.of("com.fasterxml", "jackson", "line: ", "column", "Source", "Unexpected", "code ",
                "StreamReadConstraints", "token")) {
            assertFalse(m.contains(leak), "message leaks '" + leak + "': " + m);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff", "c328", "c0af", "e080af", "eda080", "f4908080", "f0", "e282", "80", "fe"})
    @DisplayName("invalid UTF-8 is rejected, never replaced")
    void invalidUtf8(String hex) {
        byte[] before = "{\"type\":\"SmsMes\",\"data\":\"{\\\"content\\\":\\\"a".getBytes(StandardCharsets.UTF_8);
        byte[] body = concat(before, HexFormat.of().parseHex(hex), "\\\"}\"}".getBytes(StandardCharsets.UTF_8));
        SeedProtocolException e = assertThrows(SeedProtocolException.class, () -> SeedCodec.decode(body));
        assertEquals(Reason.INVALID_UTF8, e.reason());
        assertTrue(e.getMessage().contains("at byte " + before.length), e.getMessage());
    }

    @Test
    @DisplayName("a truncated UTF-8 sequence at the very end is rejected")
    void truncatedUtf8AtEnd() {
        byte[] body = concat(SAMPLE_LOGIN.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE4, (byte) 0xBD});
        assertReason(Reason.INVALID_UTF8, body);
    }

    @Test
    @DisplayName("half a surrogate pair smuggled in through a JSON escape is an invalid field")
    void loneSurrogateEscapes() {
        // Escaped inside the inner JSON, so it survives two rounds of unescaping.
        assertReason(Reason.INVALID_FIELD, "{\"type\":\"SmsMes\",\"data\":\"{\\\"content\\\":\\\"a\\\\ud800b\\\"}\"}");
        // Escaped in the envelope, so the inner JSON text itself holds a lone surrogate.
        assertReason(Reason.INVALID_FIELD, "{\"type\":\"SmsMes\",\"data\":\"{\\\"content\\\":\\\"a\\udc00b\\\"}\"}");
    }

    @Test
    @DisplayName("a properly escaped surrogate pair is accepted")
    void escapedSurrogatePair() throws Exception {
        assertEquals(SmsMes.group("🙂", 0), decode("{\"type\":\"SmsMes\",\"data\":\"{\\\"content\\\":\\\"\\\\ud83d\\\\ude42\\\"}\"}"));
    }

    @Test
    @DisplayName("an unpaired surrogate in an outgoing string is sent as U+FFFD")
    void unpairedSurrogateOnOutput() throws Exception {
        SeedMessage decoded = SeedCodec.decode(body(SeedCodec.encode(SmsMes.group("a\uD800b\uDC00", 1))));
        assertEquals(SmsMes.group("a\uFFFDb\uFFFD", 1), decoded);
    }

    @Test
    @DisplayName("an exception names what was wrong")
    void clearReasons() {
        SeedProtocolException e = assertThrows(SeedProtocolException.class,
                () -> decode(envelope("LoginMes", "{\"userId\":\"abc\",\"userPwd\":\"p\"}")));
        assertTrue(e.getMessage().contains("LoginMes.userId"), e.getMessage());
        e = assertThrows(SeedProtocolException.class, () -> decode(envelope("PrivateMes", "{}")));
        assertTrue(e.getMessage().contains("PrivateMes"), e.getMessage());
    }

    static byte[] body(byte[] frame) {
        return Arrays.copyOfRange(frame, 4, frame.length);
    }

    /** The inner JSON text carried in a frame's data string. */
    static String data(SeedMessage message) throws Exception {
        return JSON.readTree(body(SeedCodec.encode(message))).get("data").textValue();
    }

    static String envelope(String type, String innerJson) {
        ObjectNode envelope = JSON.createObjectNode().put("type", type).put("data", innerJson);
        return envelope.toString();
    }

    private static SeedMessage decode(String body) throws SeedProtocolException {
        return SeedCodec.decode(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertReason(Reason expected, String body) {
        assertReason(expected, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertReason(Reason expected, byte[] body) {
        SeedProtocolException e = assertThrows(SeedProtocolException.class, () -> SeedCodec.decode(body));
        assertEquals(expected, e.reason(), e.getMessage());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
