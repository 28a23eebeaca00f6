package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * limits.onlineListCacheMs: while more users are online than whoListMax and presenceFanoutMax, logins share one
 * read of the online list per window (a login storm read the same list from the store for every login), and the
 * node's own arrivals and departures still show in the count and the sample at once.
 */
class OnlineListSharingTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("limits.whoListMax", 1, "limits.presenceFanoutMax", 1,
            "limits.onlineListCacheMs", 60_000));

    private static double lists(String source) {
        return Metrics.value(server.server().opsPort(), "parley_online_lists_total{source=\"" + source + "\"}");
    }

    private static List<String> users(JsonNode online) {
        List<String> out = new ArrayList<>();
        online.forEach(u -> out.add(u.path("user").asText()));
        return out;
    }

    @Test
    @DisplayName("above the limits, later logins share the list read for an earlier one, with this node's changes applied")
    void loginsShareOneRead() {
        server.register("ol-a", "ol-b", "ol-c", "ol-d", "ol-e");
        double readBefore = lists("store");
        double sharedBefore = lists("shared");
        try (JsonClient a = server.loggedIn("ol-a"); JsonClient c = server.json(); JsonClient d = server.json();
             JsonClient e = server.json()) {
            // a's login read the store (1 online: the list is whole); so did b's (2 online), which the next ones share.
            JsonClient b = server.loggedIn("ol-b");
            assertEquals(3, c.login("ol-c", "123456").path("count").asInt(), "this node's arrival counted");
            JsonNode dLogin = d.login("ol-d", "123456");
            assertEquals(4, dLogin.path("count").asInt(), "this node's arrivals counted: " + dLogin);
            assertEquals(List.of("ol-a"), users(dLogin.path("online")), "the shared sample (a, b), capped at 1");
            b.close();
            // b was in the shared sample: its departure leaves it at once, and the count is the store's after it.
            JsonNode who = Await.latest(() -> d.request(JsonClient.op("who")), w -> w.path("count").asInt() == 3,
                    JsonClient.TIMEOUT);
            assertFalse(users(who.path("online")).contains("ol-b"), "b left the sample: " + who);
            JsonNode eLogin = e.login("ol-e", "123456");
            assertEquals(4, eLogin.path("count").asInt(), "a, c, d and e: " + eLogin);
            assertEquals(List.of("ol-a"), users(eLogin.path("online")));
        }
        assertEquals(2.0, lists("store") - readBefore, "store reads: a's and b's logins only");
        assertTrue(lists("shared") - sharedBefore >= 3, "c's, d's and e's logins (and who) shared b's read");
    }
}
