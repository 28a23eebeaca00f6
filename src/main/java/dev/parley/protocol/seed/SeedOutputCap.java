package dev.parley.protocol.seed;

import dev.parley.protocol.seed.SeedMessage.LoginMes;
import dev.parley.protocol.seed.SeedMessage.LoginResMes;
import dev.parley.protocol.seed.SeedMessage.NotifyUserStatusMes;
import dev.parley.protocol.seed.SeedMessage.RegisterMes;
import dev.parley.protocol.seed.SeedMessage.RegisterResMes;
import dev.parley.protocol.seed.SeedMessage.SmsMes;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import static dev.parley.protocol.seed.SeedCodec.MAX_OUTPUT_BODY;
import static dev.parley.protocol.seed.SeedCodec.TRUNCATION_MARKER;
import static dev.parley.protocol.seed.SeedFrameWriter.HEADER_BYTES;

/**
 * Encodes a message so its body stays within {@link SeedCodec#MAX_OUTPUT_BODY}, shortening only what the stock
 * client can do without; the rules are listed on {@link SeedCodec#encode}. Sizes are measured on the real, doubly
 * escaped output, so every candidate is written in full.
 */
final class SeedOutputCap {

    private SeedOutputCap() {
    }

    static byte[] encode(SeedMessage message) {
        if (message instanceof SmsMes m) {
            byte[] frame = fitText(m.content(),
                    c -> SeedFrameWriter.sms(c, m.userId(), m.userPwd(), m.userName(), m.userStatus(), m.sex()));
            if (frame == null) { // the user fields alone overflow; the stock client never shows them
                frame = fitText(m.content(), c -> SeedFrameWriter.sms(c, m.userId(), "", "", m.userStatus(), ""));
            }
            return fitted(frame, message);
        }
        if (message instanceof LoginResMes m) {
            return fitted(loginResult(m), message);
        }
        if (message instanceof RegisterResMes m) {
            return fitted(fitText(m.error(), e -> SeedFrameWriter.registerResult(m.code(), e)), message);
        }
        if (message instanceof NotifyUserStatusMes m) {
            return SeedFrameWriter.userStatus(m);
        }
        byte[] frame = message instanceof LoginMes m
                ? SeedFrameWriter.login(m) : SeedFrameWriter.register((RegisterMes) message);
        if (!fits(frame)) {
            throw new IllegalArgumentException(message.type() + " body is " + (frame.length - HEADER_BYTES)
                    + " bytes, above the " + MAX_OUTPUT_BODY + " the stock protocol allows");
        }
        return frame;
    }

    /** All ids if they fit, else the longest prefix of them that fits, else no ids and a shortened error. */
    private static byte[] loginResult(LoginResMes m) {
        List<Long> ids = m.usersId();
        byte[] whole = SeedFrameWriter.loginResult(m.code(), ids, m.error());
        if (fits(whole)) {
            return whole;
        }
        if (ids != null) {
            byte[] someIds = largestFitting(ids.size(),
                    k -> SeedFrameWriter.loginResult(m.code(), ids.subList(0, k), m.error()));
            if (someIds != null) {
                return someIds;
            }
        }
        List<Long> noIds = ids == null ? null : List.of();
        return fitText(m.error(), e -> SeedFrameWriter.loginResult(m.code(), noIds, e));
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
}
