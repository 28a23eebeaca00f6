package dev.parley.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRoomsTest {
    private final SessionRooms rooms = new SessionRooms("#lobby", true);

    @Test
    @DisplayName("a presence event published to several rooms is heard once: through the first room of the list one is in")
    void presenceHeardOnce() {
        rooms.inDefault(true);
        rooms.add("#dev", "#Dev");
        List<String> order = List.of("#lobby", "#dev");
        assertTrue(rooms.hearsVia("#lobby", order));
        assertFalse(rooms.hearsVia("#dev", order), "already heard through the default room");
        List<String> devFirst = List.of("#ops", "#dev", "#lobby");
        assertTrue(rooms.hearsVia("#dev", devFirst));
        assertFalse(rooms.hearsVia("#lobby", devFirst));
        assertFalse(rooms.hearsVia("#ops", devFirst), "not in #ops");
        assertFalse(new SessionRooms("#lobby", true).hearsVia("#lobby", List.of("#lobby")), "not (yet) in the default room");
    }

    @Test
    @DisplayName("the current room is the default room until one is chosen, and again after leaving the chosen one")
    void currentRoom() {
        assertEquals("#lobby", rooms.current());
        rooms.add("#dev", "#Dev");
        rooms.choose("#dev");
        assertEquals("#dev", rooms.current());
        assertEquals("#Dev", rooms.display("#dev", "?"));
        rooms.remove("#dev");
        assertEquals("#lobby", rooms.current());
        assertEquals("?", rooms.display("#dev", "?"));
    }

    @Test
    @DisplayName("without rooms.autoJoinDefault the default room is a room like the others: in it only once joined")
    void explicitDefaultRoom() {
        SessionRooms explicit = new SessionRooms("#lobby", false);
        explicit.inDefault(false);
        assertFalse(explicit.isImplicit("#lobby"));
        assertFalse(explicit.contains("#lobby"));
        explicit.add("#lobby", "#Lobby");
        assertTrue(explicit.contains("#lobby"));
        assertEquals(List.of("#lobby"), explicit.others(), "indexed, so its read position is saved like the others'");
        assertTrue(rooms.isImplicit("#lobby"));
    }

    @Test
    @DisplayName("a session in no indexed room, or back out of the last one, is in none of them")
    void noIndexedRoom() {
        assertEquals(List.of(), rooms.others());
        assertFalse(rooms.contains("#dev"));
        rooms.add("#dev", "#Dev");
        rooms.remove("#dev");
        rooms.remove("#ops");
        assertEquals(List.of(), rooms.others());
        assertFalse(rooms.contains("#dev"));
        rooms.add("#ops", "#Ops");
        rooms.clear();
        assertFalse(rooms.contains("#ops"));
    }
}
