package dev.parley.protocol.seed;

/**
 * Turns seed frame bodies into {@link SeedMessage}s and messages into complete frames.
 *
 * <p>The envelope is {@code {"type":"<TypeName>","data":"<inner JSON as a string>"}}. Decoding is as forgiving as
 * the original's Go decoder where that is harmless (key case, unknown keys, null as absent, quoted ids) and strict
 * where leniency would let bad text into Parley (UTF-8, trailing garbage, wrong JSON types). The work is done by
 * {@link SeedMessageDecoder}, {@link SeedOutputCap} and {@link SeedFrameWriter}.
 */
public final class SeedCodec {

    /** The stock client reads into a fixed 8096-byte buffer; a larger body crashes it. */
    public static final int MAX_OUTPUT_BODY = 8096;

    /** Appended to a string {@link #encode} had to shorten, so the reader sees the cut. */
    public static final String TRUNCATION_MARKER = " …[truncated]";

    private SeedCodec() {
    }

    /**
     * Reads one frame body (without its 4-byte header).
     *
     * @throws SeedProtocolException if the body is not strict UTF-8, not a JSON object, has an unknown
     *                               {@code type}, or lacks or mistypes a field the message needs
     */
    public static SeedMessage decode(byte[] body) throws SeedProtocolException {
        return SeedMessageDecoder.decode(body);
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
        return SeedOutputCap.encode(message);
    }
}
