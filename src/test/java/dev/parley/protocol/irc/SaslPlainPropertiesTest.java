package dev.parley.protocol.irc;

import dev.parley.protocol.Fuzz;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SASL PLAIN's chunking from the client's side, and any sequence of AUTHENTICATE arguments. */
class SaslPlainPropertiesTest {
    private final Numerics numerics = new Numerics("irc.parley");

    @Property
    @Label("any account and password sent as a client must (400-byte chunks, '+' after an exact multiple) come out as the same credentials")
    void chunkedPayloadRoundTrips(@ForAll("accounts") String account, @ForAll("passwords") String password,
                                  @ForAll boolean withAuthzid) {
        String payload = (withAuthzid ? account : "") + "\0" + account + "\0" + password;
        String encoded = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < encoded.length(); i += 400) chunks.add(encoded.substring(i, Math.min(encoded.length(), i + 400)));
        if (encoded.length() % 400 == 0) chunks.add("+");

        SaslPlain sasl = new SaslPlain(numerics, 4096);
        assertEquals(List.of(IrcMessage.from("irc.parley", "AUTHENTICATE", "+")),
                assertInstanceOf(SaslPlain.Reply.class, sasl.onAuthenticate(IrcMessage.of("AUTHENTICATE", "PLAIN"), "*", false)).messages());
        for (int i = 0; i < chunks.size() - 1; i++) {
            assertEquals(new SaslPlain.Reply(List.of()), sasl.onAuthenticate(IrcMessage.of("AUTHENTICATE", chunks.get(i)), "*", false));
        }
        assertEquals(new SaslPlain.Credentials(withAuthzid ? account : "", account, password),
                sasl.onAuthenticate(IrcMessage.of("AUTHENTICATE", chunks.get(chunks.size() - 1)), "*", false));
    }

    @Property
    @Label("any sequence of AUTHENTICATE arguments and outcomes: never an exception, every reply one of the SASL lines, credentials only after PLAIN")
    void anySequence(@ForAll("arguments") List<String> args) {
        SaslPlain sasl = new SaslPlain(numerics);
        boolean plainSeen = false;
        for (String arg : args) {
            if (arg.equals("<ok>")) {
                sasl.succeeded("*", "a!a@h", "a");
                continue;
            }
            if (arg.equals("<no>")) {
                sasl.failed("*");
                continue;
            }
            plainSeen |= arg.equalsIgnoreCase("PLAIN");
            SaslPlain.Step step = sasl.onAuthenticate(IrcMessage.of("AUTHENTICATE", arg), "*", false);
            if (step instanceof SaslPlain.Credentials) {
                assertTrue(plainSeen);
                assertTrue(sasl.awaitingOutcome());
            } else {
                for (IrcMessage m : ((SaslPlain.Reply) step).messages()) {
                    assertTrue(List.of("AUTHENTICATE", "461", "903", "904", "905", "906", "907", "908").contains(m.command()), m.toString());
                    IrcWriter.line(m);
                }
            }
        }
    }

    @Provide
    Arbitrary<String> accounts() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("_.-")
                .ofMinLength(1).ofMaxLength(32);
    }

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.oneOf(
                Fuzz.anyText().map(t -> t.replace("\0", "").replaceAll("[\ud800-\udfff]", "x")),
                Arbitraries.strings().withChars("p🙂é ").ofMinLength(280).ofMaxLength(900)
                        .map(t -> t.replaceAll("[\ud800-\udfff]", "x")))
                .filter(t -> !t.isEmpty());
    }

    @Provide
    Arbitrary<List<String>> arguments() {
        return Arbitraries.oneOf(Arbitraries.of("PLAIN", "plain", "EXTERNAL", "+", "*", "<ok>", "<no>", "AGFsaWNlAHB3", "!!!", "=",
                        "A".repeat(400), "A".repeat(401)),
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(20).map(s -> s.replaceAll("[ \r\n\0]", "x")))
                .list().ofMaxSize(12);
    }
}
