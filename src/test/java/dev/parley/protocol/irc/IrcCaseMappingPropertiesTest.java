package dev.parley.protocol.irc;

import dev.parley.protocol.Fuzz;
import dev.parley.protocol.RoomName;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CASEMAPPING=ascii against RoomName's canonical form. */
class IrcCaseMappingPropertiesTest {

    @Property
    @Label("for every valid room name, the IRC folding is the room's canonical form")
    void channelsAreRooms(@ForAll("roomNames") String name) {
        assertTrue(RoomName.valid(name));
        assertEquals(RoomName.canonical(name), IrcCaseMapping.fold(name));
    }

    @Property
    @Label("folding only touches A-Z, keeps the length and is idempotent")
    void asciiOnly(@ForAll("anyText") String s) {
        String f = IrcCaseMapping.fold(s);
        assertEquals(s.length(), f.length());
        assertEquals(f, IrcCaseMapping.fold(f));
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            assertEquals(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c, f.charAt(i));
        }
    }

    @Example
    @Label("non-ASCII letters do not fold (unlike Java's toLowerCase)")
    void nonAscii() {
        assertEquals("#ÉtÉ", IrcCaseMapping.fold("#ÉTÉ"));
        assertTrue(IrcCaseMapping.equal("#Dev", "#dEV"));
        assertFalse(IrcCaseMapping.equal("#dev", "#dew"));
        assertFalse(IrcCaseMapping.equal("[a]", "{a}"), "ascii, not rfc1459");
    }

    @Provide
    Arbitrary<String> roomNames() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars("_.-").ofMinLength(1).ofMaxLength(49).map(s -> "#" + s);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Fuzz.anyText();
    }
}
