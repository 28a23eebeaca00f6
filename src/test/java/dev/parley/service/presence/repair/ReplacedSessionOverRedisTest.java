package dev.parley.service.presence.repair;

import dev.parley.protocol.ByeReason;
import dev.parley.service.delivery.Delivery;
import dev.parley.service.delivery.Kick;
import dev.parley.service.presence.PresenceAnnouncer;
import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import dev.parley.store.RedisServer;
import dev.parley.store.redis.RedisStoreOptions;
import dev.parley.store.redis.RedisStores;
import dev.parley.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Long run 3's lost message, replayed on a real Redis by two nodes' stores: node 0 takes u05 over from node 1
 * while they are split (so its kick reaches nobody), logs out, and node 1 then re-checks its sessions.
 */
class ReplacedSessionOverRedisTest {
    private RedisServer redis;
    private Vertx vertx;
    private RedisStores node0;
    private RedisStores node1;

    @BeforeEach
    void start() {
        redis = RedisServer.start();
        vertx = Vertx.vertx();
        RedisStoreOptions options = RedisStoreOptions.of(redis.uri()).withKeyPrefix("kick:");
        node0 = await(RedisStores.connect(vertx, options));
        node1 = await(RedisStores.connect(vertx, options));
    }

    @AfterEach
    void stop() {
        if (node0 != null) await(node0.close());
        if (node1 != null) await(node1.close());
        await(vertx.close());
        redis.close();
    }

    @Test
    @DisplayName("a session replaced across a split stays out of presence after its successor logged out, and its node ends it")
    void replacedSessionIsEndedNotPutBack() {
        PresenceEntry onNode1 = new PresenceEntry("u05", "u05", "node1", "s3953");
        PresenceEntry onNode0 = new PresenceEntry("u05", "u05", "node0", "s3968");
        await(node1.presence().join(onNode1));
        assertEquals(onNode1, await(node0.presence().join(onNode0)), "the takeover (its kick is lost in the split)");
        assertEquals(onNode0, await(node0.presence().leave("u05", "s3968")), "the newer session logs out");

        List<Delivery> toNode1 = new CopyOnWriteArrayList<>();
        List<Delivery> announced = new CopyOnWriteArrayList<>();
        // Run on node 1's context, as the repair verticle does.
        vertx.runOnContext(v -> new Reregistration(node1.presence(), () -> List.of(onNode1),
                new PresenceAnnouncer(100, announced::add), toNode1::add, () -> false).run());

        Await.until(() -> !toNode1.isEmpty(), Duration.ofSeconds(10), "node 1 to end the replaced session");
        assertEquals(List.of(new Kick("u05", "s3953", ByeReason.REPLACED)), toNode1);
        assertNull(await(node1.presence().get("u05")), "u05 is listed nowhere");
        assertEquals(List.of(), await(node1.presence().entriesOf("node1")));
        assertEquals(List.of(), announced, "nobody is told u05 came back");
        assertEquals(PresenceStore.Rejoin.REPLACED, await(node1.presence().rejoin(onNode1)), "and stays so on every later run");
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
