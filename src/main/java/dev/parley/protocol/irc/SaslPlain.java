package dev.parley.protocol.irc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One connection's SASL PLAIN exchange (IRCv3 sasl 3.1/3.2), decisions only: {@code AUTHENTICATE PLAIN} is answered
 * with {@code AUTHENTICATE +}; the payload comes in base64 chunks of 400 bytes (a chunk of exactly 400 means more
 * follows, {@code +} ends a payload that is an exact multiple); it is decoded as {@code authzid NUL authcid NUL
 * password} and handed out as {@link Credentials}. The integration checks them with Parley's auth service and
 * reports back with {@link #succeeded} (900, 903) or {@link #failed} (904). {@code AUTHENTICATE *} aborts (906); a
 * chunk over 400 bytes or a payload over the bound is 905; another mechanism is 908 then 904; a second login is 907.
 */
public final class SaslPlain {
    public static final int CHUNK_BYTES = 400;
    /** Decoded payload bound: two 32-byte ids, two NULs and a 128-character password of up to 4 bytes each fit. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024;

    /** What one AUTHENTICATE leads to. */
    public sealed interface Step permits Reply, Credentials {
    }

    /** Send these (possibly nothing: a 400-byte chunk waits for the next). */
    public record Reply(List<IrcMessage> messages) implements Step {
    }

    /**
     * Check these with the auth service, then call {@link #succeeded} or {@link #failed}. {@code authzid} is empty or
     * equal to {@code account} (logging in as someone else is refused before this point).
     */
    public record Credentials(String authzid, String account, String password) implements Step {
        @Override
        public String toString() {
            return "Credentials[account=" + account + ", password=<hidden>]";
        }
    }

    private enum State { IDLE, RECEIVING, CHECKING, DONE }

    private final Numerics numerics;
    private final int maxEncodedBytes;
    private State state = State.IDLE;
    /** The base64 received so far; null outside RECEIVING. */
    private StringBuilder encoded;

    public SaslPlain(Numerics numerics) {
        this(numerics, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public SaslPlain(Numerics numerics, int maxPayloadBytes) {
        this.numerics = numerics;
        this.maxEncodedBytes = 4 * ((maxPayloadBytes + 2) / 3);
    }

    /** Between AUTHENTICATE PLAIN and the outcome. */
    public boolean inProgress() {
        return state == State.RECEIVING || state == State.CHECKING;
    }

    /** Credentials were handed out and their outcome is awaited; a late outcome after an abort is not. */
    public boolean awaitingOutcome() {
        return state == State.CHECKING;
    }

    /**
     * {@code client} is the nick ("*" before one); {@code loggedIn} is true when the connection already has an
     * account by any means (SASL, PASS, NickServ).
     */
    // AUTHENTICATE <mechanism> | <base64 chunk> | + | *
    public Step onAuthenticate(IrcMessage m, String client, boolean loggedIn) {
        if (m.params().isEmpty() || m.param(0).isEmpty()) return reply(numerics.needMoreParams(client, "AUTHENTICATE"));
        String arg = m.param(0);
        if (arg.equals("*")) {
            if (state != State.DONE) reset();
            return reply(numerics.saslAborted(client));
        }
        switch (state) {
            case DONE, IDLE -> {
                if (loggedIn || state == State.DONE) return reply(numerics.saslAlready(client));
                if (!arg.toUpperCase(Locale.ROOT).equals("PLAIN")) {
                    return new Reply(List.of(numerics.saslMechanisms(client, "PLAIN"), numerics.saslFail(client)));
                }
                state = State.RECEIVING;
                encoded = new StringBuilder();
                return reply(IrcMessage.from(numerics.server(), "AUTHENTICATE", "+"));
            }
            case RECEIVING -> {
                return chunk(arg, client);
            }
            default -> {
                // A chunk while the previous payload is being checked: the client broke the exchange.
                reset();
                return reply(numerics.saslFail(client));
            }
        }
    }

    /** 900 and 903 once the account is verified; nothing if the outcome is no longer awaited. */
    public List<IrcMessage> succeeded(String client, String mask, String account) {
        if (state != State.CHECKING) return List.of();
        state = State.DONE;
        return List.of(numerics.loggedIn(client, mask, account), numerics.saslSuccess(client));
    }

    /** 904 after wrong credentials (or any refusal of the auth service); the client may try again. */
    public List<IrcMessage> failed(String client) {
        if (state != State.CHECKING) return List.of();
        reset();
        return List.of(numerics.saslFail(client));
    }

    /**
     * Registration completed while a payload was still being received: the exchange is aborted with 906 and the
     * client goes on without an account (sasl 3.1). An exchange whose outcome is awaited is not aborted.
     */
    public List<IrcMessage> abortForRegistration(String client) {
        if (state != State.RECEIVING) return List.of();
        reset();
        return List.of(numerics.saslAborted(client));
    }

    private Step chunk(String arg, String client) {
        if (arg.length() > CHUNK_BYTES) {
            reset();
            return reply(numerics.saslTooLong(client));
        }
        if (!arg.equals("+")) {
            if (encoded.length() + arg.length() > maxEncodedBytes) {
                reset();
                return reply(numerics.saslTooLong(client));
            }
            encoded.append(arg);
            if (arg.length() == CHUNK_BYTES) return new Reply(List.of());
        }
        String payload = encoded.toString();
        encoded = null;
        Credentials c = decode(payload);
        if (c == null) {
            reset();
            return reply(numerics.saslFail(client));
        }
        state = State.CHECKING;
        return c;
    }

    /** authzid NUL authcid NUL password, strict base64 and UTF-8; null when anything is off. */
    static Credentials decode(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        String[] parts = text.split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) return null;
        if (!parts[0].isEmpty() && !parts[0].equals(parts[1])) return null;
        return new Credentials(parts[0], parts[1], parts[2]);
    }

    private void reset() {
        state = State.IDLE;
        encoded = null;
    }

    private static Reply reply(IrcMessage m) {
        return new Reply(List.of(m));
    }
}
