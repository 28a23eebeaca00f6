package dev.parley.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Text lines: {@link LineDecoder} + {@link TextRequestParser}, against hostile input and what a person types. */
class TextLinesPropertiesTest {

    /** A typed line and the request it must give. */
    record Typed(String line, Request expected) {
    }

    @Property
    @Label("any bytes in any chunking: the same requests and refusals as one read and as the model, nothing but DecodeException, never more than the limit held")
    void anyBytesAnyChunking(@ForAll("textish") byte[] input, @ForAll(supplier = Fuzz.Chunkings.class) List<Integer> chunking,
                             @ForAll("limits") int max) {
        LineHarness.assertSameAsModel(input, chunking, max, TextRequestParser::parse);
    }

    @Property
    @Label("every command a person can type, in any chunking, gives its request with its arguments intact")
    void typedCommandsRoundTrip(@ForAll("typedLines") List<Typed> typed, @ForAll(supplier = Fuzz.Chunkings.class) List<Integer> chunking) {
        List<byte[]> lines = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Typed t : typed) {
            lines.add(Fuzz.utf8(t.line()));
            expected.add(LineHarness.parse(line -> t.expected(), new byte[0]));
        }
        assertEquals(expected, LineHarness.decode(Fuzz.concat(lines), chunking, 8192, TextRequestParser::parse));
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Fuzz.limits(1, 300);
    }

    @Provide
    Arbitrary<byte[]> textish() {
        Arbitrary<byte[]> tokens = Arbitraries.of("/", "/msg", "/MSG", "/register", "/login", "/say", "/name",
                "/password", "/delete-account", "/quit", "/who", " ", "\t", "\u000b", "\f", "\u001c", "\u3000",
                "\u00a0", "\u2028", "200", "hello", "é🙂", "\u001b[2J", "/msg 200 hi", "/register 1 2 3 4").map(Fuzz::utf8);
        return Fuzz.streams(Arbitraries.oneOf(tokens, Fuzz.badUtf8()), 320);
    }

    @Provide
    Arbitrary<List<Typed>> typedLines() {
        return typed().list().ofMinSize(1).ofMaxSize(8);
    }

    /** One typed line, with the separators, letter case, padding and line end a person or a client may use. */
    private Arbitrary<Typed> typed() {
        Arbitrary<String> sep = Arbitraries.of(" ", "  ", "\t", " \t ");
        Arbitrary<String> pad = Arbitraries.of("", " ", "\t", "  ");
        Arbitrary<String> end = Arbitraries.of("\n", "\r\n");
        Arbitrary<String> arg = word();
        Arbitrary<String> text = freeText();
        Arbitrary<Typed> register = Combinators.combine(verb("register"), sep, arg, sep, arg,
                        Arbitraries.oneOf(Arbitraries.just(""), text))
                .as((v, s1, user, s2, pw, name) -> {
                    ObjectNode f = Json.object().put("user", user).put("password", pw);
                    if (!name.isEmpty()) f.put("name", name);
                    return new Typed(v + s1 + user + s2 + pw + (name.isEmpty() ? "" : s2 + name), new Request("register", null, f));
                });
        Arbitrary<Typed> login = Combinators.combine(verb("login"), sep, arg, sep, arg)
                .as((v, s1, user, s2, pw) -> new Typed(v + s1 + user + s2 + pw,
                        new Request("login", null, Json.object().put("user", user).put("password", pw))));
        Arbitrary<Typed> msg = Combinators.combine(verb("msg"), sep, arg, sep, text)
                .as((v, s1, to, s2, t) -> new Typed(v + s1 + to + s2 + t,
                        new Request("msg", null, Json.object().put("to", to).put("text", t))));
        Arbitrary<Typed> say = Combinators.combine(verb("say"), sep, text)
                .as((v, s, t) -> new Typed(v + s + t, new Request("say", null, Json.object().put("text", t))));
        Arbitrary<Typed> plain = text.filter(t -> !t.startsWith("/"))
                .map(t -> new Typed(t, new Request("say", null, Json.object().put("text", t))));
        Arbitrary<Typed> password = Combinators.combine(verb("password"), sep, arg, sep, arg)
                .as((v, s1, old, s2, neu) -> new Typed(v + s1 + old + s2 + neu,
                        new Request("password", null, Json.object().put("old", old).put("new", neu))));
        Arbitrary<Typed> rename = Combinators.combine(Arbitraries.of("name", "rename").flatMap(this::verb), sep, text)
                .as((v, s, n) -> new Typed(v + s + n, new Request("rename", null, Json.object().put("name", n))));
        Arbitrary<Typed> delete = Combinators.combine(Arbitraries.of("delete-account", "delete_account").flatMap(this::verb), sep, arg)
                .as((v, s, pw) -> new Typed(v + s + pw,
                        new Request("delete_account", null, Json.object().put("password", pw))));
        Arbitrary<Typed> bare = Arbitraries.of("who", "help", "ping", "logout", "quit", "exit")
                .flatMap(name -> verb(name).map(v -> new Typed(v,
                        new Request(name.equals("quit") || name.equals("exit") ? "logout" : name, null, Json.object()))));
        return Combinators.combine(Arbitraries.oneOf(register, login, msg, say, plain, password, rename, delete, bare),
                        pad, pad, end)
                .as((t, before, after, lineEnd) -> new Typed(before + t.line() + after + lineEnd, t.expected()));
    }

    /** "/verb" in any letter case. */
    private Arbitrary<String> verb(String name) {
        return Arbitraries.integers().map(bits -> {
            StringBuilder sb = new StringBuilder("/");
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                sb.append((bits >> (i % 31) & 1) == 1 ? Character.toUpperCase(c) : c);
            }
            return sb.toString();
        });
    }

    /** An argument: no whitespace of any kind. */
    private static Arbitrary<String> word() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('!', '~').withChars("éß你").ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("🙂", "100", "123456", "\u00a0x", "a\u0000b", "\u001b[2J"));
    }

    /**
     * Free text: anything but a line feed or a broken surrogate pair, starting and ending with a character neither
     * String.strip nor the argument splitter takes for whitespace.
     */
    private static Arbitrary<String> freeText() {
        Arbitrary<String> inner = Fuzz.anyText()
                .map(t -> t.replace('\n', ' '))
                .filter(t -> !Utf16.hasUnpairedSurrogate(t));
        return Combinators.combine(word(), inner, word()).as((a, b, c) -> a + b + c);
    }
}
