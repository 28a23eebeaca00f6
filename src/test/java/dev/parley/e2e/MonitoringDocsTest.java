package dev.parley.e2e;

import dev.parley.testkit.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped Grafana dashboard and alert rules use only metrics a running node really exports. */
class MonitoringDocsTest {
    private static final Pattern REFERENCED = Pattern.compile("\\bparley_[a-z_]+");
    private static final Pattern FAMILY = Pattern.compile("(?m)^# TYPE (parley_[a-z_]+) ");

    @Test
    @DisplayName("every parley_* metric in docs/grafana-dashboard.json and docs/prometheus-alerts.yaml is on /metrics")
    void docsUseExportedMetrics() throws Exception {
        String dashboard = Files.readString(Path.of("docs/grafana-dashboard.json"));
        String alerts = Files.readString(Path.of("docs/prometheus-alerts.yaml"));
        assertFalse(new JsonObject(dashboard).getJsonArray("panels").isEmpty());
        Map<String, List<Map<String, Object>>> rules = new Yaml().load(alerts);
        assertTrue(rules.containsKey("groups"));

        String token = "monitoring-docs-token-0123";
        try (TestServer server = TestServer.start(Map.of("ops.adminToken", token))) {
            // Labelled series appear once used: a kick, a refused admin call, a password change.
            try (JsonClient c = server.loggedIn("mon-a")) {
                assertTrue(c.request(op("password", "old", "123456", "new", "abcdefg")).path("ok").asBoolean());
                AdminHttp admin = new AdminHttp(server.server().opsPort(), token);
                assertEquals(200, admin.post("/admin/users/mon-a/kick", null).status());
                assertEquals(401, new AdminHttp(server.server().opsPort(), "wrong").get("/admin/online").status());
                c.awaitClosed();
            }
            String metrics = awaitFamily(server, "parley_ready_check");
            Set<String> exported = new TreeSet<>();
            Matcher f = FAMILY.matcher(metrics);
            while (f.find()) exported.add(f.group(1));

            Set<String> missing = new TreeSet<>();
            for (String doc : List.of(dashboard, alerts)) {
                Matcher m = REFERENCED.matcher(doc);
                while (m.find()) {
                    String name = m.group();
                    String family = name.replaceAll("_(bucket|count|sum)$", "");
                    if (!exported.contains(name) && !exported.contains(family)) missing.add(name);
                }
            }
            assertEquals(Set.of(), missing, "referenced but not exported; exported: " + exported);
        }
    }

    /** /metrics once the named family is there (readiness gauges appear after the first evaluation). */
    private static String awaitFamily(TestServer server, String family) {
        return Await.latest(() -> Http.get(server.opsPort(), "/metrics").body(),
                text -> text.contains("# TYPE " + family + " "), Duration.ofSeconds(15), Duration.ofMillis(50));
    }
}
