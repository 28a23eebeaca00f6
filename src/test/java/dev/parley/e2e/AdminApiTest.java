package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.parley.e2e.JsonClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin API on the ops port of a real node, over real HTTP and TCP. */
class AdminApiTest {
    static final String TOKEN = "test-admin-token-0123456789";
    static final AuditLog audit = new AuditLog();
    @RegisterExtension
    static final TestServer server = TestServer.perClass(Map.of("ops.adminToken", TOKEN));
    static AdminHttp admin;

    @BeforeAll
    static void admin() {
        admin = new AdminHttp(server.opsPort(), TOKEN);
    }

    @AfterAll
    static void closeAudit() {
        audit.close();
    }

    private static JsonNode bye(JsonClient c) {
        return c.await(Replies::isBye, "bye");
    }

    @Test
    @DisplayName("without ops.adminToken the admin API does not exist: 404 whatever the token")
    void disabledWithoutToken() {
        try (TestServer plain = TestServer.start()) {
            AdminHttp anyToken = new AdminHttp(plain.server().opsPort(), TOKEN);
            assertEquals(404, anyToken.get("/admin/online").status());
            assertEquals(404, anyToken.post("/admin/users/x/kick", new JsonObject()).status());
            assertEquals(404, new AdminHttp(plain.server().opsPort(), null).delete("/admin/users/x").status());
            assertEquals(200, Http.get(plain.server().opsPort(), "/health/live").status(), "the rest of the ops port works");
        }
    }

    @Test
    @DisplayName("a missing or wrong token is 401, the same for every user and action; refused calls change nothing and are audited")
    void wrongToken() {
        try (JsonClient victim = server.loggedIn("t-victim")) {
            AdminHttp none = new AdminHttp(server.server().opsPort(), null);
            AdminHttp wrong = new AdminHttp(server.server().opsPort(), TOKEN + "x");
            AdminHttp prefix = new AdminHttp(server.server().opsPort(), TOKEN.substring(0, 10));
            assertEquals(401, none.get("/admin/online").status());
            AdminHttp.Response known = wrong.post("/admin/users/t-victim/kick", new JsonObject());
            AdminHttp.Response unknown = wrong.post("/admin/users/t-nobody/kick", new JsonObject());
            assertEquals(401, known.status());
            assertEquals(known.raw(), unknown.raw(), "nothing tells whether a user exists");
            assertEquals(401, prefix.post("/admin/users/t-victim/lock", new JsonObject()).status());
            assertEquals("UNAUTHORIZED", known.json().getJsonObject("error").getString("code"));
            audit.await(e -> "admin_denied".equals(e.get("event")) && "127.0.0.1".equals(e.get("remote")), "denied");
            // Still logged in and unlocked: a ping is answered.
            assertEquals("pong", victim.request(op("ping")).path("op").asText());
        }
        assertEquals("OK", server.loginOutcome("t-victim", "123456"), "not locked");
        assertTrue(metric("parley_admin_denied_total") >= 3);
    }

    @Test
    @DisplayName("who lists the online users with name and node, a page at a time, and counts per node")
    void who() {
        try (JsonClient a = server.loggedIn("w-a"); JsonClient b = server.loggedIn("w-b")) {
            AdminHttp.Response all = admin.get("/admin/online?size=500");
            assertEquals(200, all.status(), all.raw());
            JsonObject body = all.json();
            long count = body.getLong("count");
            assertTrue(count >= 2);
            JsonArray users = body.getJsonArray("users");
            assertTrue(users.contains(new JsonObject().put("user", "w-a").put("name", "w-a").put("node", server.server().nodeId())),
                    users.encode());
            assertTrue(users.stream().anyMatch(u -> ((JsonObject) u).getString("user").equals("w-b")));
            assertEquals(count, (long) body.getJsonObject("nodes").getInteger(server.server().nodeId()));
            assertTrue(body.getBoolean("complete"));

            String first = admin.get("/admin/online?page=1&size=1").json().getJsonArray("users").getJsonObject(0).getString("user");
            JsonObject page2 = admin.get("/admin/online?page=2&size=1").json();
            assertEquals(1, page2.getJsonArray("users").size());
            assertTrue(first.compareTo(page2.getJsonArray("users").getJsonObject(0).getString("user")) < 0, "pages in id order");
            assertEquals(400, admin.get("/admin/online?page=0").status());
            assertEquals(400, admin.get("/admin/online?size=x").status());
            audit.awaitAdmin("who", null);
        }
    }

    @Test
    @DisplayName("kick: the user sees bye KICKED with the reason and is disconnected; an offline user is not kicked")
    void kick() {
        double before = metric("parley_admin_actions_total{action=\"kick\"}");
        double kickedBefore = metric("parley_disconnects_total{reason=\"KICKED\"}");
        try (JsonClient bob = server.loggedIn("k-bob"); TextClient tom = server.text()) {
            tom.send("/register k-tom 123456");
            tom.awaitContaining("registered k-tom");
            tom.send("/login k-tom 123456");
            tom.awaitContaining("welcome");
            AdminHttp.Response r = admin.post("/admin/users/k-bob/kick", new JsonObject().put("reason", "spamming the room"));
            assertEquals(200, r.status(), r.raw());
            assertTrue(r.json().getBoolean("kicked"));
            JsonNode bye = bye(bob);
            assertEquals("KICKED", bye.path("reason").asText());
            assertEquals("spamming the room", bye.path("message").asText());
            bob.awaitClosed();
            assertTrue(admin.post("/admin/users/k-tom/kick", null).json().getBoolean("kicked"));
            tom.awaitContaining("(KICKED)");
            assertTrue(tom.awaitClosed());
        }
        assertFalse(admin.post("/admin/users/k-nobody/kick", null).json().getBoolean("kicked"));
        Map<String, String> e = audit.awaitAdmin("kick", "k-bob");
        assertEquals("127.0.0.1", e.get("remote"));
        assertEquals("ok", e.get("result"));
        assertTrue(metric("parley_admin_actions_total{action=\"kick\"}") >= before + 3);
        assertEquals(kickedBefore + 2, metric("parley_disconnects_total{reason=\"KICKED\"}"));
    }

    @Test
    @DisplayName("readiness and store size are exported as gauges for alerting")
    void operabilityGauges() {
        Await.latest(() -> metric("parley_ready"), ready -> ready == 1.0, Duration.ofSeconds(15), Duration.ofMillis(50));
        assertEquals(1.0, metric("parley_ready"));
        assertEquals(1.0, metric("parley_ready_check{check=\"store\"}"));
        assertEquals(1.0, metric("parley_ready_check{check=\"bus\"}"));
        assertTrue(metric("parley_store_bytes") > 0);
    }

    @Test
    @DisplayName("a notice reaches every online user, in JSON and in text")
    void notice() {
        try (JsonClient a = server.loggedIn("n-a"); TextClient t = server.text()) {
            t.send("/register n-t 123456");
            t.send("/login n-t 123456");
            t.awaitContaining("welcome");
            a.awaitCatchUp("n-a");
            assertEquals(200, admin.post("/admin/notice", new JsonObject().put("text", "maintenance at 22:00")).status());
            JsonNode n = a.await(f -> "notice".equals(f.path("op").asText()), "notice");
            assertEquals("ADMIN", n.path("code").asText());
            assertEquals("maintenance at 22:00", n.path("message").asText());
            t.awaitContaining("* maintenance at 22:00");
            assertEquals(400, admin.post("/admin/notice", new JsonObject().put("text", " ")).status());
            assertEquals(400, admin.post("/admin/notice", new JsonObject().put("text", "x".repeat(4001))).status());
            audit.awaitAdmin("notice", null);
        }
    }

    @Test
    @DisplayName("a locked account is kicked and cannot log in (ACCOUNT_LOCKED, only with the right password); unlock restores it")
    void lockAndUnlock() {
        try (JsonClient carol = server.loggedIn("l-carol")) {
            AdminHttp.Response r = admin.post("/admin/users/l-carol/lock", null);
            assertEquals(200, r.status(), r.raw());
            assertTrue(r.json().getBoolean("locked"));
            assertTrue(r.json().getBoolean("kicked"));
            JsonNode bye = bye(carol);
            assertEquals("KICKED", bye.path("reason").asText());
            assertEquals("your account was locked", bye.path("message").asText());
        }
        assertEquals("ACCOUNT_LOCKED", server.loginOutcome("l-carol", "123456"));
        assertEquals("BAD_CREDENTIALS", server.loginOutcome("l-carol", "wrong-password"), "the lock is not shown to guessers");
        assertEquals(200, admin.post("/admin/users/l-carol/unlock", null).status());
        assertEquals("OK", server.loginOutcome("l-carol", "123456"));
        AdminHttp.Response unknown = admin.post("/admin/users/l-nobody/lock", null);
        assertEquals(404, unknown.status());
        assertEquals("NO_SUCH_USER", unknown.json().getJsonObject("error").getString("code"));
        assertEquals(400, admin.post("/admin/users/bad%20id/lock", null).status());
        audit.awaitAdmin("lock", "l-carol");
        audit.awaitAdmin("unlock", "l-carol");
        assertEquals("NO_SUCH_USER", audit.awaitAdmin("lock", "l-nobody").get("result"));
    }

    @Test
    @DisplayName("deleting an online account: bye ACCOUNT_DELETED, no login, and a new account of that id inherits no position")
    void deleteOnline() {
        try (JsonClient other = server.loggedIn("d-other"); JsonClient x = server.loggedIn("d-x")) {
            x.awaitCatchUp("d-x");
            other.say("seen by d-x");
            x.awaitMessage("seen by d-x");
            AdminHttp.Response r = admin.delete("/admin/users/d-x");
            assertEquals(200, r.status(), r.raw());
            assertTrue(r.json().getBoolean("kicked"));
            assertEquals("ACCOUNT_DELETED", bye(x).path("reason").asText());
            x.awaitClosed();
            other.say("said after the deletion");
            assertEquals("BAD_CREDENTIALS", server.loginOutcome("d-x", "123456"));
        }
        assertNewAccountInheritsNothing("d-x");
        assertEquals(404, admin.delete("/admin/users/d-x-never").status());
        audit.awaitAdmin("delete", "d-x");
    }

    @Test
    @DisplayName("deleting an offline account removes its stored mail and its last-seen position")
    void deleteOffline() {
        try (JsonClient y = server.loggedIn("d-y"); JsonClient other = server.loggedIn("d-other2")) {
            y.awaitCatchUp("d-y");
            other.say("seen by d-y");
            y.awaitMessage("seen by d-y");
        }
        try (JsonClient other = server.loggedIn("d-other2")) {
            awaitOffline("d-y");
            assertTrue(other.msg("d-y", "mail for d-y").path("stored").asBoolean(), "stored for later");
            AdminHttp.Response r = admin.delete("/admin/users/d-y");
            assertEquals(200, r.status(), r.raw());
            assertFalse(r.json().getBoolean("kicked"));
            other.say("said after the deletion");
        }
        assertNewAccountInheritsNothing("d-y");
    }

    @Test
    @DisplayName("reset password: the old one stops working, the new one works; rules apply; unknown users are 404")
    void resetPassword() {
        try (JsonClient c = server.json()) {
            c.register("r-dan", "123456");
        }
        AdminHttp.Response r = admin.post("/admin/users/r-dan/password", new JsonObject().put("password", "brand-new-pass"));
        assertEquals(200, r.status(), r.raw());
        assertEquals("BAD_CREDENTIALS", server.loginOutcome("r-dan", "123456"));
        assertEquals("OK", server.loginOutcome("r-dan", "brand-new-pass"));
        AdminHttp.Response tooShort = admin.post("/admin/users/r-dan/password", new JsonObject().put("password", "123"));
        assertEquals(400, tooShort.status());
        assertEquals("INVALID_PASSWORD", tooShort.json().getJsonObject("error").getString("code"));
        assertEquals(404, admin.post("/admin/users/r-nobody/password", new JsonObject().put("password", "whatever1")).status());
        assertEquals(400, admin.post("/admin/users/r-dan/password", null).status(), "a password is required");
        assertEquals(404, admin.post("/admin/users/r-dan/frobnicate", null).status());
        assertEquals(405, admin.get("/admin/users/r-dan/lock").status());
        assertEquals(413, admin.post("/admin/notice", new JsonObject().put("text", "x".repeat(20_000))).status(), "bounded body");
        assertEquals(400, admin.send("POST", "/admin/notice", null).status(), "no text");
        Map<String, String> e = audit.awaitAdmin("reset_password", "r-dan");
        assertNull(e.get("password"), "never a password in the audit trail");
        assertTrue(audit.entries().stream().noneMatch(x -> x.containsValue("brand-new-pass")));
    }

    /** Re-registers {@code user} and logs in: nothing stored for the old account may be replayed. */
    private static void assertNewAccountInheritsNothing(String user) {
        try (JsonClient again = server.json()) {
            assertTrue(again.register(user, "654321").path("ok").asBoolean(), "the id is free again");
            again.login(user, "654321");
            JsonNode barrier = again.awaitCatchUp(user);
            List<JsonNode> replayed = again.framesBefore(barrier).stream()
                    .filter(f -> f.path("offline").asBoolean()).toList();
            assertEquals(List.of(), replayed, "no mail and no missed group messages of the old account");
        }
    }

    private static void awaitOffline(String user) {
        Await.until(() -> admin.get("/admin/online?size=500").json().getJsonArray("users").stream()
                .noneMatch(u -> ((JsonObject) u).getString("user").equals(user)), Duration.ofSeconds(10), user + " to go offline");
    }

    private static double metric(String series) {
        String text = Http.get(server.server().opsPort(), "/metrics").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
