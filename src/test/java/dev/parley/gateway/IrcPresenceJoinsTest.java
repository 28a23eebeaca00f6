package dev.parley.gateway;

import dev.parley.protocol.PresenceEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IrcPresenceJoinsTest {

    @Test
    @DisplayName("an arrival is a JOIN in the announced rooms the reader is in, as the channels it knows, in announcing order")
    void sharedChannels() {
        SessionRooms reader = new SessionRooms("#lobby", true);
        reader.inDefault(true);
        reader.add("#dev", "#Dev");
        reader.add("#big", "#Big");
        PresenceEvent arrival = new PresenceEvent("bob", "Bob", true, List.of("#lobby", "#ops", "#dev"));
        assertEquals(List.of("#Lobby", "#Dev"), IrcPresenceJoins.sharedChannels(arrival, reader, "#Lobby"),
                "not #ops (not the reader's), not #big (not announced: too big)");
        assertEquals(List.of("#Lobby"), IrcPresenceJoins.sharedChannels(new PresenceEvent("bob", "Bob", true), reader, "#Lobby"),
                "no rooms listed: the default room only");
    }

    @Test
    @DisplayName("readers who need the same lines (same key) share one rendering; another key renders again")
    void renderedOncePerKey() {
        EncodedEvent e = new EncodedEvent(new PresenceEvent("bob", "Bob", true, List.of("#lobby")), "bob", new Encoders());
        int[] renders = {0};
        java.util.function.Supplier<byte[]> render = () -> new byte[]{(byte) ++renders[0]};
        byte[] first = e.ircBytes("0 #lobby", render);
        org.junit.jupiter.api.Assertions.assertSame(first, e.ircBytes("0 #lobby", render), "the same bytes, not rendered again");
        e.ircBytes("8 #lobby", render);
        assertEquals(2, renders[0]);
    }

    @Test
    @DisplayName("a reader outside the default room (autoJoinDefault off, or not yet in it) gets no JOIN there")
    void notInTheDefaultRoom() {
        SessionRooms reader = new SessionRooms("#lobby", false);
        reader.add("#dev", "#Dev");
        assertEquals(List.of("#Dev"), IrcPresenceJoins.sharedChannels(
                new PresenceEvent("bob", null, true, List.of("#lobby", "#dev")), reader, "#Lobby"));
        assertEquals(List.of(), IrcPresenceJoins.sharedChannels(new PresenceEvent("bob", null, true), reader, "#Lobby"));
    }
}
