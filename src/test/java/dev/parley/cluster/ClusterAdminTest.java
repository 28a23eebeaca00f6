package dev.parley.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.e2e.AdminHttp;
import dev.parley.e2e.JsonClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operators act through any node of a 2-node cluster on users of the other node. */
class ClusterAdminTest {
    @RegisterExtension
    static final ClusterHarness cluster = ClusterHarness.perClass(2);

    private static AdminHttp admin(int node) {
        return new AdminHttp(cluster.opsPort(node), ClusterHarness.ADMIN_TOKEN);
    }

    private static JsonNode bye(JsonClient c) {
        return c.await(f -> "bye".equals(f.path("op").asText()), "bye");
    }

    @Test
    @DisplayName("who counts per node; kick, notice, lock and delete reach users on the other node")
    void actsAcrossNodes() {
        try (JsonClient a = cluster.loggedIn(0, "ca-a"); JsonClient b = cluster.loggedIn(1, "ca-b");
             JsonClient c = cluster.loggedIn(1, "ca-c")) {
            a.awaitPresence("ca-c", "online");
            JsonObject who = admin(0).get("/admin/online").json();
            assertEquals(3, who.getLong("count"), who.encode());
            List<Integer> perNode = new ArrayList<>();
            who.getJsonObject("nodes").forEach(e -> perNode.add((Integer) e.getValue()));
            perNode.sort(null);
            assertEquals(List.of(1, 2), perNode, who.encode());

            AdminHttp.Response kick = admin(0).post("/admin/users/ca-b/kick", new JsonObject().put("reason", "cross-node kick"));
            assertTrue(kick.json().getBoolean("kicked"), kick.raw());
            JsonNode kicked = bye(b);
            assertEquals("KICKED", kicked.path("reason").asText());
            assertEquals("cross-node kick", kicked.path("message").asText());

            a.awaitCatchUp("ca-a");
            c.awaitCatchUp("ca-c");
            assertEquals(200, admin(1).post("/admin/notice", new JsonObject().put("text", "hello cluster")).status());
            for (JsonClient u : List.of(a, c)) {
                assertEquals("hello cluster", u.await(f -> "notice".equals(f.path("op").asText()), "notice").path("message").asText());
            }

            assertTrue(admin(0).post("/admin/users/ca-c/lock", null).json().getBoolean("kicked"));
            assertEquals("KICKED", bye(c).path("reason").asText());
            try (JsonClient again = JsonClient.connect(cluster.port(0))) {
                assertEquals("ACCOUNT_LOCKED", again.request(op("login", "user", "ca-c", "password", "123456"))
                        .path("error").path("code").asText());
            }

            assertTrue(admin(1).delete("/admin/users/ca-a").json().getBoolean("kicked"));
            assertEquals("ACCOUNT_DELETED", bye(a).path("reason").asText());
        }
    }
}
