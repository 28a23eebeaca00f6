package dev.parley.e2e;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mass disconnect (a node's users all dropping at once) sends its departures to presence at most
 * limits.accountOpsInFlight at a time: in a cluster, 15,000 LEAVEs at once overflowed the Redis client's wait queue
 * and failed the logins of the reconnect storm behind them. Every departure is still recorded and announced.
 */
class MassDisconnectTest {
    private static final int USERS = 30;

    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("limits.accountOpsInFlight", 2));

    private static double queuedDepartures() {
        return Metrics.value(server.server().opsPort(), "parley_departures_queued_total");
    }

    @Test
    @DisplayName("30 users dropping at once: departures wait for one of 2 slots, and every one is announced")
    void departuresQueueAndAllArrive() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) users.add("md-" + i);
        server.register(users.toArray(String[]::new));
        server.register("md-watch");
        double before = queuedDepartures();
        try (JsonClient watcher = server.loggedIn("md-watch")) {
            List<JsonClient> leaving = new ArrayList<>();
            for (String u : users) {
                leaving.add(server.loggedIn(u));
                watcher.awaitPresence(u, "online");
            }
            leaving.forEach(JsonClient::close);   // all at once
            for (String u : users) watcher.awaitPresence(u, "offline");
        }
        assertTrue(queuedDepartures() - before > 0, "some departures waited for a slot");
    }
}
