package dev.parley.service.mailbox;

import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.service.Bus;
import dev.parley.service.BusMetrics;
import dev.parley.service.Dedup;
import dev.parley.service.MessageIds;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.presence.Location;
import dev.parley.service.presence.PresenceAddresses;
import dev.parley.store.StoredMessage;
import dev.parley.store.UserRecord;
import dev.parley.store.mvstore.MvStores;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.parley.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sender's side of a private message to another node, with that node faked: only a "delivered"
 * answer (the receiver's node wrote it to the socket) leaves the message unstored; silence, a refusal
 * or a missing node store it. No network: one Vert.x, an embedded store, fake consumers.
 */
class MailboxFallbackTest {
    private static final String NODE = "node-b";
    private Vertx vertx;
    private MvStores stores;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        vertx = Vertx.vertx();
        stores = MvStores.open(vertx, dir, 100);
        ParleyConfig config = ParleyConfig.from(ConfigLoader.defaults());
        result(stores.users().create(new UserRecord("bob", "bob", "x", 0, false)));
        Clock clock = Clock.systemUTC();
        result(vertx.deployVerticle(new MailboxVerticle(new Bus(BusMetrics.NONE), config.mailbox(), stores.users(),
                stores.mailbox(), stores.lastSeen(), new Dedup(stores.idempotency(), Duration.ofMinutes(5), clock),
                new MessageIds(), clock)));
        // Presence says bob is on NODE.
        result(vertx.eventBus().<JsonObject>localConsumer(PresenceAddresses.LOCATE,
                m -> m.reply(new Location(NODE, "bob-session").toJson())).completion());
    }

    @AfterEach
    void stop() throws Exception {
        result(stores.close());
        result(vertx.close());
    }

    @Test
    @DisplayName("a node that confirms the write: sent live, nothing stored")
    void confirmed() throws Exception {
        fakeNode(m -> m.reply(new JsonObject().put("delivered", true)));
        JsonObject r = send(new JsonObject());
        assertFalse(r.getBoolean("stored"));
        assertTrue(mailbox().isEmpty());
    }

    @Test
    @DisplayName("a node that took the message but never confirmed its write (dying, frozen, receiver not reading): stored with the id the sender gets")
    void silentNodeStores() throws Exception {
        fakeNode(m -> { });
        long started = System.nanoTime();
        JsonObject r = send(new JsonObject());
        assertTrue(r.getBoolean("stored"), r.encode());
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(2_900), "waited for the confirmation");
        assertEquals(List.of(r.getString("id")), mailbox().stream().map(StoredMessage::id).toList());
    }

    @Test
    @DisplayName("a node that could not deliver: stored at once")
    void refusedStores() throws Exception {
        fakeNode(m -> m.reply(new JsonObject().put("delivered", false)));
        assertTrue(send(new JsonObject()).getBoolean("stored"));
        assertEquals(1, mailbox().size());
    }

    @Test
    @DisplayName("store-only (a same-node delivery the gateway could not confirm): stored under the given id, never sent to a node")
    void storeOnlyKeepsTheId() throws Exception {
        fakeNode(m -> {
            throw new AssertionError("store-only must not deliver");
        });
        JsonObject r = send(new JsonObject().put("storeOnly", true).put("id", "given-1").put("ts", 1234L));
        assertTrue(r.getBoolean("stored"));
        assertEquals("given-1", r.getString("id"));
        StoredMessage stored = mailbox().get(0);
        assertEquals("given-1", stored.id());
        assertEquals(1234L, stored.ts());
    }

    private void fakeNode(Handler<Message<JsonObject>> handler) throws Exception {
        result(vertx.eventBus().<JsonObject>localConsumer(NodeAddresses.node(NODE), handler).completion());
    }

    private JsonObject send(JsonObject extra) throws Exception {
        JsonObject body = new JsonObject().put("from", "alice").put("name", "alice").put("to", "bob").put("text", "hi")
                .mergeIn(extra);
        return result(vertx.eventBus().<JsonObject>request(MailboxAddresses.SEND, body)).body();
    }

    private List<StoredMessage> mailbox() throws Exception {
        return result(stores.mailbox().peek("bob", 10));
    }

}
