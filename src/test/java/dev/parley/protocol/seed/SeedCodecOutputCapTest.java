package dev.parley.protocol.seed;

import dev.parley.protocol.Utf16;
import dev.parley.protocol.seed.SeedMessage.LoginMes;
import dev.parley.protocol.seed.SeedMessage.LoginResMes;
import dev.parley.protocol.seed.SeedMessage.RegisterMes;
import dev.parley.protocol.seed.SeedMessage.RegisterResMes;
import dev.parley.protocol.seed.SeedMessage.SmsMes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.LongStream;

import static dev.parley.protocol.seed.SeedCodec.MAX_OUTPUT_BODY;
import static dev.parley.protocol.seed.SeedCodec.TRUNCATION_MARKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedCodecOutputCapTest {

    @Test
    @DisplayName("a 20,000-character message goes out as one frame within 8096 bytes, marked as truncated")
    void longContentIsTruncated() throws Exception {
        String content = "abcdefghij".repeat(2_000);
        byte[] frame = SeedCodec.encode(SmsMes.group(content, 7));
        assertTrue(frame.length <= MAX_OUTPUT_BODY + 4, "frame is " + frame.length);
        SmsMes sent = (SmsMes) SeedCodec.decode(SeedCodecTest.body(frame));
        assertEquals(7, sent.userId());
        assertTrue(sent.content().endsWith(TRUNCATION_MARKER), sent.content());
        String kept = kept(sent);
        assertTrue(content.startsWith(kept));
        assertTrue(kept.length() > 7_000, "kept only " + kept.length());
        assertMaximal(content, kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"😀", "👍🏽", "汉", "é", "\"", "\\", "\n", "\u0001", "a😀\"汉\\\u0007", "𝄞x"})
    @DisplayName("content is cut on a code-point boundary, as long as it can be given the doubled escaping")
    void cutOnCodePointBoundary(String unit) throws Exception {
        String content = unit.repeat(20_000 / unit.length());
        byte[] frame = SeedCodec.encode(SmsMes.group(content, 1));
        assertTrue(frame.length - 4 <= MAX_OUTPUT_BODY, "body is " + (frame.length - 4));
        String kept = kept((SmsMes) SeedCodec.decode(SeedCodecTest.body(frame)));
        assertFalse(Utf16.hasUnpairedSurrogate(kept), "a surrogate pair was split");
        assertTrue(content.startsWith(kept));
        assertMaximal(content, kept);
    }

    @Test
    @DisplayName("content that exactly fills 8096 bytes is sent whole; one more character is truncated")
    void exactFit() throws Exception {
        int emptyBody = SeedCodec.encode(SmsMes.group("", 1)).length - 4;
        String exact = "x".repeat(MAX_OUTPUT_BODY - emptyBody);
        byte[] frame = SeedCodec.encode(SmsMes.group(exact, 1));
        assertEquals(MAX_OUTPUT_BODY, frame.length - 4);
        assertEquals(SmsMes.group(exact, 1), SeedCodec.decode(SeedCodecTest.body(frame)));

        SmsMes over = (SmsMes) SeedCodec.decode(SeedCodecTest.body(SeedCodec.encode(SmsMes.group(exact + "y", 1))));
        assertTrue(over.content().endsWith(TRUNCATION_MARKER));
    }

    @Test
    @DisplayName("short content is never marked")
    void shortContentUntouched() throws Exception {
        SmsMes message = SmsMes.group("你好 …[truncated] is just text here", 3);
        assertEquals(message, SeedCodec.decode(SeedCodecTest.body(SeedCodec.encode(message))));
    }

    @Test
    @DisplayName("if the user fields alone overflow, they are sent empty and the content survives")
    void oversizedUserFieldsAreDropped() throws Exception {
        SmsMes message = new SmsMes("hi", 5, "p".repeat(5_000), "n".repeat(5_000), SeedStatus.ONLINE, "s");
        byte[] frame = SeedCodec.encode(message);
        assertTrue(frame.length - 4 <= MAX_OUTPUT_BODY);
        assertEquals(SmsMes.group("hi", 5), SeedCodec.decode(SeedCodecTest.body(frame)));
    }

    @Test
    @DisplayName("a huge online list is cut to the longest prefix of ids that fits")
    void longUserList() throws Exception {
        List<Long> ids = LongStream.rangeClosed(1_000_000, 1_005_000).boxed().toList();
        byte[] frame = SeedCodec.encode(LoginResMes.ok(ids));
        assertTrue(frame.length - 4 <= MAX_OUTPUT_BODY);
        LoginResMes sent = (LoginResMes) SeedCodec.decode(SeedCodecTest.body(frame));
        int k = sent.usersId().size();
        assertTrue(k > 500, "kept only " + k);
        assertEquals(ids.subList(0, k), sent.usersId());
        assertEquals(LoginResMes.OK, sent.code());

        LoginResMes oneMore = LoginResMes.ok(ids.subList(0, k + 1));
        assertNotEquals(oneMore, SeedCodec.decode(SeedCodecTest.body(SeedCodec.encode(oneMore))), "prefix not maximal");
    }

    @Test
    @DisplayName("error texts too long for a frame are truncated with the marker")
    void longErrors() throws Exception {
        String longText = "错误".repeat(5_000);
        RegisterResMes register = (RegisterResMes) SeedCodec.decode(
                SeedCodecTest.body(SeedCodec.encode(new RegisterResMes(506, longText))));
        assertTrue(register.error().endsWith(TRUNCATION_MARKER));
        assertEquals(506, register.code());

        LoginResMes login = (LoginResMes) SeedCodec.decode(
                SeedCodecTest.body(SeedCodec.encode(new LoginResMes(505, null, longText))));
        assertTrue(login.error().endsWith(TRUNCATION_MARKER));
        assertNull(login.usersId());
    }

    @Test
    @DisplayName("credentials too long for a frame are refused, not cut")
    void oversizedCredentials() {
        String huge = "p".repeat(MAX_OUTPUT_BODY);
        assertThrows(IllegalArgumentException.class, () -> SeedCodec.encode(new LoginMes(1, huge, "")));
        assertThrows(IllegalArgumentException.class,
                () -> SeedCodec.encode(new RegisterMes(new SeedUser(1, huge, "n", 0, ""))));
    }

    private static String kept(SmsMes sent) {
        assertTrue(sent.content().endsWith(TRUNCATION_MARKER), "not marked: " + sent.content());
        return sent.content().substring(0, sent.content().length() - TRUNCATION_MARKER.length());
    }

    /** One more code point of the original would not have fitted: encode would have had to cut it again. */
    private static void assertMaximal(String original, String kept) throws Exception {
        int next = original.codePointAt(kept.length());
        String longer = kept + Character.toString(next) + TRUNCATION_MARKER;
        SmsMes attempt = SmsMes.group(longer, 1);
        assertNotEquals(attempt, SeedCodec.decode(SeedCodecTest.body(SeedCodec.encode(attempt))),
                "a longer prefix would have fitted");
    }
}
