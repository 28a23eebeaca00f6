package dev.parley.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parley.service.presence.OnlineListing;
import dev.parley.service.presence.OnlineListing.OnlineUser;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The login reply's online list as a tree: what clients were sent before, built once per distinct list. */
class OnlineNodesTest {
    private static List<OnlineUser> users(String... ids) {
        List<OnlineUser> out = new ArrayList<>();
        for (String id : ids) out.add(new OnlineUser(id, id.startsWith("n") ? null : "Name " + id, id.startsWith("a") ? "lunch" : null));
        return out;
    }

    @Test
    @DisplayName("the tree is what the bus listing's JSON gave (null names, away only when set)")
    void sameAsTheListingsJson() {
        OnlineListing listing = new OnlineListing(5, users("bob", "nobody", "alice"));
        ArrayNode expected = (ArrayNode) Jackson.of(new JsonObject().put("online", listing.onlineJson())).get("online");
        assertEquals(expected, new OnlineNodes().of(listing.online()));
    }

    @Test
    @DisplayName("an equal list (another copy off the bus) gets the same tree; a different one a new tree")
    void reusedWhileEqual() {
        OnlineNodes nodes = new OnlineNodes();
        ArrayNode first = nodes.of(List.copyOf(users("bob", "carol")));
        assertSame(first, nodes.of(List.copyOf(users("bob", "carol"))));
        ArrayNode other = nodes.of(users("bob", "dave"));
        assertNotSame(first, other);
        assertEquals("dave", other.get(1).path("user").asText());
        assertEquals(0, nodes.of(List.of()).size());
    }
}
