package dev.parley.service.room;

import dev.parley.protocol.ChatError;
import dev.parley.protocol.RoomName;
import dev.parley.service.Bus;

/** Room names as users type them, checked and made canonical (INVALID_ROOM otherwise). */
final class RoomNames {
    private RoomNames() {
    }

    /** @throws Bus.ServiceException INVALID_ROOM */
    static String canonical(String typed) {
        if (!RoomName.valid(typed)) throw Bus.error(ChatError.INVALID_ROOM, null);
        return RoomName.canonical(typed);
    }
}
