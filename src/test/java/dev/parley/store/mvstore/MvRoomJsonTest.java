package dev.parley.store.mvstore;

import dev.parley.store.Room;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MvRoomJsonTest {

    @Test
    @DisplayName("the display name read alone is the one the whole record decodes to")
    void displayAlone() {
        Room r = new Room("#dev.ops", "#Dev.Ops", "a \"topic\" {with} [brackets]", "ann", 7L, "ann",
                Set.of("bob", "carl"), Set.of("eve"), Set.of(), true, 1234L);
        String json = MvRoomJson.encode(r);
        assertEquals("#Dev.Ops", MvRoomJson.display(json));
        assertEquals(MvRoomJson.decode(json).display(), MvRoomJson.display(json));
    }

    @Test
    @DisplayName("the display name is found wherever it is in the record, after nested values too")
    void anyOrder() {
        String json = new JsonObject().put("banned", new JsonArray().add("x").add(new JsonObject().put("display", "no")))
                .put("nested", new JsonObject().put("display", "inner")).put("display", "#Outer").encode();
        assertEquals("#Outer", MvRoomJson.display(json));
        assertNull(MvRoomJson.display(new JsonObject().put("name", "#x").encode()));
    }
}
