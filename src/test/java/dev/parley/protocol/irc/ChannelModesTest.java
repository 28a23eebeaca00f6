package dev.parley.protocol.irc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ChannelModesTest {

    private static ChannelModes.Change c(boolean add, char mode, String arg) {
        return new ChannelModes.Change(add, mode, arg);
    }

    @Test
    @DisplayName("+o, -b, +i with their arguments in order")
    void changes() {
        assertEquals(new ChannelModes.Parsed(List.of(c(true, 'o', "alice"), c(false, 'b', "eve!*@*"), c(true, 'i', null)), false, List.of()),
                ChannelModes.parse(List.of("+o-b+i", "alice", "eve!*@*"), 4));
        assertEquals(new ChannelModes.Parsed(List.of(c(true, 'o', "a"), c(true, 'o', "b")), false, List.of()),
                ChannelModes.parse(List.of("oo", "a", "b"), 4));
        assertEquals("-i", c(false, 'i', null).flag());
    }

    @Test
    @DisplayName("b without a mask asks for the ban list; o without a nick is dropped")
    void listAndMissing() {
        assertEquals(new ChannelModes.Parsed(List.of(), true, List.of()), ChannelModes.parse(List.of("+b"), 4));
        assertEquals(new ChannelModes.Parsed(List.of(), true, List.of()), ChannelModes.parse(List.of("b"), 4));
        assertEquals(new ChannelModes.Parsed(List.of(), false, List.of()), ChannelModes.parse(List.of("+o"), 4));
        assertEquals(new ChannelModes.Parsed(List.of(), false, List.of()), ChannelModes.parse(List.of(), 4));
    }

    @Test
    @DisplayName("unknown letters are reported once each; changes with an argument past MODES are dropped")
    void unknownAndLimit() {
        assertEquals(new ChannelModes.Parsed(List.of(c(true, 'i', null)), false, List.of('k', 'l')),
                ChannelModes.parse(List.of("+kilk"), 4));
        assertEquals(new ChannelModes.Parsed(List.of(c(true, 'o', "a"), c(true, 'o', "b")), false, List.of()),
                ChannelModes.parse(List.of("+ooo", "a", "b", "c"), 2));
    }

    @Test
    @DisplayName("ban masks name an account by their nick; wildcards or bad nicks name none")
    void banMasks() {
        assertEquals("alice", ChannelModes.bannedAccount("alice"));
        assertEquals("alice", ChannelModes.bannedAccount("alice!*@*"));
        assertEquals("alice", ChannelModes.bannedAccount("alice!x@y"));
        assertNull(ChannelModes.bannedAccount("*!*@host"));
        assertNull(ChannelModes.bannedAccount("al*"));
        assertNull(ChannelModes.bannedAccount("*@host"));
        assertEquals("alice!*@*", ChannelModes.banMask("alice"));
    }

    @Test
    @DisplayName("target lists skip empty items; '#' marks a channel")
    void targets() {
        assertEquals(List.of("#a", "bob"), IrcTargets.split("#a,,bob,"));
        assertEquals(List.of(), IrcTargets.split(null));
        assertEquals(true, IrcTargets.isChannel("#dev"));
        assertEquals(false, IrcTargets.isChannel("dev"));
    }
}
