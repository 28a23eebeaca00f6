package dev.parley.service;

import dev.parley.protocol.ChatError;
import dev.parley.service.mailbox.FetchRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.parley.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each node's Bus counts into its own metrics: two in one JVM do not clobber each other. One local Vert.x, no network. */
class BusTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static final class Counts implements BusMetrics {
        final AtomicInteger dependencyFailures = new AtomicInteger();
        final List<String> invalid = new CopyOnWriteArrayList<>();

        @Override
        public void dependencyFailed() {
            dependencyFailures.incrementAndGet();
        }

        @Override
        public void invalidBody(String consumer) {
            invalid.add(consumer);
        }
    }

    @Test
    @DisplayName("an invalid body is answered BAD_REQUEST and counted by the bus of the node that received it")
    void invalidBodiesCountedPerBus() throws Exception {
        Counts a = new Counts();
        Counts b = new Counts();
        consumer("a", new Bus(a));
        consumer("b", new Bus(b));

        ReplyException refused = refusal("a", new JsonObject().put("user", 7));
        assertEquals(ChatError.BAD_REQUEST.busCode, refused.failureCode());
        assertEquals("invalid bus body: user: expected a string of at most " + BusCheck.FIELD_MAX + " characters", refused.getMessage());
        refusal("b", "not even JSON");
        refusal("b", new JsonObject());

        assertEquals(List.of("fetch"), a.invalid);
        assertEquals(List.of("fetch", "fetch"), b.invalid);
    }

    @Test
    @DisplayName("a failed dependency is answered UNAVAILABLE and counted once, by its own bus")
    void dependencyFailuresCountedPerBus() throws Exception {
        Counts a = new Counts();
        Counts b = new Counts();
        consumer("a", new Bus(a));
        consumer("b", new Bus(b));

        ReplyException unavailable = refusal("a", new FetchRequest("store-down", null).toJson());
        assertEquals(ChatError.UNAVAILABLE.busCode, unavailable.failureCode());
        assertEquals(1, a.dependencyFailures.get());
        assertEquals(0, b.dependencyFailures.get());
    }

    /** A fetch-shaped consumer whose store fails for the user "store-down" and is fine otherwise. */
    private void consumer(String address, Bus bus) throws Exception {
        result(vertx.eventBus().<JsonObject>localConsumer(address, m -> {
            FetchRequest r = bus.parse(m, "fetch", FetchRequest::fromJson);
            if (r == null) return;
            if (r.user().equals("store-down")) bus.failWith(m, new IllegalStateException("store down"));
            else m.reply(new JsonObject());
        }).completion());
    }

    private ReplyException refusal(String address, Object body) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> result(vertx.eventBus().request(address, body)));
        return (ReplyException) e.getCause();
    }

}
