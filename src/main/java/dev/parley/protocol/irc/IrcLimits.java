package dev.parley.protocol.irc;

/**
 * Byte limits of one line, from the modern IRC client protocol and IRCv3 message-tags. "Body" is everything but
 * the tags: source, command and parameters.
 */
public final class IrcLimits {
    /** 512 bytes with CR LF: the body a line may have, in both directions. */
    public static final int MAX_BODY = 510;
    /** Tag data a client may send (IRCv3: 4094 bytes), plus its leading '@' and trailing space. */
    public static final int MAX_CLIENT_TAGS = 4096;
    /** Everything in the tag section a server may send, '@' and trailing space included (IRCv3). */
    public static final int MAX_SERVER_TAGS = 8191;
    /**
     * The longest client line the decoder holds, CR LF excluded: client tags plus a body. Longer lines are
     * answered with 417 and skipped; the parser then checks the two parts separately.
     */
    public static final int MAX_CLIENT_LINE = MAX_CLIENT_TAGS + MAX_BODY;

    private IrcLimits() {
    }
}
