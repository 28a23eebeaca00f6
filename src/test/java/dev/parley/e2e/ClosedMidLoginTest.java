package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.protocol.ChatError;
import dev.parley.service.presence.PresenceAddresses;
import dev.parley.store.PresenceEntry;
import dev.parley.testkit.Await;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static dev.parley.e2e.JsonClient.op;
import static dev.parley.e2e.Replies.users;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The ghost session of the chaos runs (docs/reliability.md): a client gives up on a login (on a node that was
 * frozen, it timed out) and closes while the node is still logging it in. The departure must be recorded after
 * the login's presence JOIN, or the JOIN lands last and the user is listed online for good.
 */
class ClosedMidLoginTest {
    private static final String GHOST = "cml-ghost";

    @RegisterExtension
    final TestServer server = TestServer.perTest();

    @Test
    @DisplayName("a client that closes while its login's JOIN is under way is not left online")
    void closeDuringJoinLeavesNoGhost() {
        server.register(GHOST);
        EventBus bus = server.server().vertx().eventBus();
        HeldJoin held = new HeldJoin();
        bus.addInboundInterceptor(held);
        try (JsonClient observer = server.loggedIn("cml-observer")) {
            JsonClient ghost = server.json();
            ghost.send(op("login", "user", GHOST, "password", "123456"));
            Await.until(() -> held.join.get() != null, JsonClient.TIMEOUT, "the login's JOIN to reach presence");

            ghost.close();
            Await.until(() -> server.server().gateway().connectionCount() == 1, JsonClient.TIMEOUT,
                    "the node to see the ghost's connection close");
            held.release();

            Await.until(() -> held.order.contains("LEAVE"), JsonClient.TIMEOUT, "the ghost's LEAVE");
            assertEquals(List.of("JOIN", "LEAVE"), held.order, "the LEAVE must come after the JOIN");
            JsonNode who = Await.latest(() -> observer.request(op("who")),
                    w -> !users(w.path("online")).contains(GHOST), JsonClient.TIMEOUT);
            assertFalse(users(who.path("online")).contains(GHOST), "ghost listed online: " + who);
        } finally {
            bus.removeInboundInterceptor(held);
        }
    }

    @Test
    @DisplayName("a JOIN that failed in the node (it may still run in Redis) is handed to the stale-presence sweep")
    void failedJoinIsSwept() {
        server.register(GHOST);
        List<PresenceEntry> sweep = new CopyOnWriteArrayList<>();
        server.server().gateway().onLeaveFailure(sweep::add);
        EventBus bus = server.server().vertx().eventBus();
        Handler<DeliveryContext<Object>> failJoin = dc -> {
            if (PresenceAddresses.JOIN.equals(dc.message().address())) {
                dc.message().fail(ChatError.UNAVAILABLE.busCode, "Redis command timed out");
            } else {
                dc.next();
            }
        };
        bus.addInboundInterceptor(failJoin);
        try (JsonClient ghost = server.json()) {
            JsonNode reply = ghost.request(op("login", "user", GHOST, "password", "123456"));
            assertFalse(reply.path("ok").asBoolean(), reply.toString());
            Await.until(() -> !sweep.isEmpty(), JsonClient.TIMEOUT, "the failed JOIN's entry handed to the sweep");
            assertEquals(1, sweep.size(), sweep.toString());
            assertEquals(GHOST, sweep.get(0).user());
            assertEquals(server.server().nodeId(), sweep.get(0).node());
        } finally {
            bus.removeInboundInterceptor(failJoin);
        }
    }

    /** Holds the ghost's presence JOIN until released; records the order JOIN and LEAVE reach presence. */
    private static final class HeldJoin implements Handler<DeliveryContext<Object>> {
        final AtomicReference<DeliveryContext<Object>> join = new AtomicReference<>();
        final List<String> order = new CopyOnWriteArrayList<>();
        private volatile Context context;

        @Override
        public void handle(DeliveryContext<Object> dc) {
            String address = dc.message().address();
            boolean ghosts = dc.body() instanceof JsonObject body && GHOST.equals(body.getString("user"));
            if (ghosts && PresenceAddresses.JOIN.equals(address)) {
                context = io.vertx.core.Vertx.currentContext();
                join.set(dc);
                return;
            }
            if (ghosts && PresenceAddresses.LEAVE.equals(address)) order.add("LEAVE");
            dc.next();
        }

        void release() {
            order.add("JOIN");
            DeliveryContext<Object> dc = join.get();
            context.runOnContext(v -> dc.next());
        }
    }
}
