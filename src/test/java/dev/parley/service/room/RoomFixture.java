package dev.parley.service.room;

import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.protocol.ChatError;
import dev.parley.service.Bus;
import dev.parley.service.BusMetrics;
import dev.parley.service.Dedup;
import dev.parley.service.ManualClock;
import dev.parley.service.MessageIds;
import dev.parley.store.IdempotencyStore;
import dev.parley.store.MemoryCounterStore;
import dev.parley.store.MemoryPresenceStore;
import dev.parley.store.PresenceEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rooms service on a real Vert.x event bus, over in-memory stores, with a clock that moves only when told.
 * Tests speak to it through {@link RoomAddresses} and listen where it publishes.
 */
final class RoomFixture implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final ManualClock clock = new ManualClock(1_700_000_000_000L);
    final FakeRoomStore rooms;
    final FakeRoomHistory history;
    final FakeReadPositions reads = new FakeReadPositions();
    final FakeRoomSpeech speech;
    final MemoryPresenceStore presence = new MemoryPresenceStore();
    final ParleyConfig config;
    final RoomVerticle.RoomStores stores;

    /** @param tweak changes the default configuration tree (e.g. rooms.perUser) */
    RoomFixture(Consumer<JsonObject> tweak) {
        this(tweak, new FakeRoomStore());
    }

    RoomFixture(Consumer<JsonObject> tweak, FakeRoomStore roomStore) {
        this(tweak, roomStore, new FakeRoomHistory());
    }

    RoomFixture(Consumer<JsonObject> tweak, FakeRoomStore roomStore, FakeRoomHistory historyStore) {
        rooms = roomStore;
        history = historyStore;
        speech = new FakeRoomSpeech(rooms, history);
        stores = new RoomVerticle.RoomStores(rooms, history, reads, speech);
        JsonObject tree = ConfigLoader.defaults();
        tweak.accept(tree);
        config = ParleyConfig.from(tree);
        Dedup dedup = new Dedup(new MapIdempotency(), Duration.ofMinutes(5), clock);
        await(vertx.deployVerticle(new RoomVerticle(new Bus(BusMetrics.NONE), config, stores, presence,
                new MemoryCounterStore(clock::millis), dedup, new MessageIds(), clock)));
    }

    RoomFixture() {
        this(tree -> { });
    }

    static Consumer<JsonObject> rooms(String key, Object value) {
        return tree -> tree.getJsonObject("rooms").put(key, value);
    }

    JsonObject ask(String address, JsonObject body) {
        return await(vertx.eventBus().<JsonObject>request(address, body)).body();
    }

    /** The request fails with {@code expected}; returns the failure's text. */
    String refused(ChatError expected, String address, JsonObject body) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> vertx.eventBus().<JsonObject>request(address, body).toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ReplyException, e.getCause().toString());
        assertEquals(expected, Bus.toChatError(e.getCause()), e.getCause().getMessage());
        return e.getCause().getMessage();
    }

    JsonObject join(String user, String room) {
        return ask(RoomAddresses.JOIN, new JoinRoomRequest(user, user.toUpperCase(), room).toJson());
    }

    JsonObject part(String user, String room) {
        return ask(RoomAddresses.PART, new PartRequest(user, room, null).toJson());
    }

    JsonObject say(String user, String room, String text) {
        return ask(RoomAddresses.SAY, new RoomSayRequest(user, null, room, text, null).toJson());
    }

    JsonObject moderate(String by, String room, ModerateRequest.Action action, String target) {
        return ask(RoomAddresses.MODERATE, new ModerateRequest(by, room, action, target, null).toJson());
    }

    void online(String user, String node) {
        await(presence.join(new PresenceEntry(user, user.toUpperCase(), node, user + "-session")));
    }

    /** Records every body published or sent to {@code address}, in arrival order. */
    List<JsonObject> listen(String address) {
        List<JsonObject> got = Collections.synchronizedList(new ArrayList<>());
        await(vertx.eventBus().<JsonObject>localConsumer(address, m -> got.add(m.body())).completion());
        return got;
    }

    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        await(vertx.close());
    }

    /** Client ids remembered in a map (expiry ignored: tests run inside the window). */
    private static final class MapIdempotency implements IdempotencyStore {
        private final Map<String, String> values = new HashMap<>();

        @Override
        public synchronized Future<String> putIfAbsent(String key, String value, long expiresAtMillis) {
            return Future.succeededFuture(values.putIfAbsent(key, value));
        }

        @Override
        public synchronized Future<Void> put(String key, String value, long expiresAtMillis) {
            values.put(key, value);
            return Future.succeededFuture();
        }

        @Override
        public synchronized Future<Void> remove(String key) {
            values.remove(key);
            return Future.succeededFuture();
        }
    }
}
