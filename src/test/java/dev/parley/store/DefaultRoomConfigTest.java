package dev.parley.store;

import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.store.mvstore.MvStores;
import dev.parley.store.redis.RedisStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.parley.store.StoreContractTest.await;
import static dev.parley.store.StoreContractTest.group;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Both backends take the default room from rooms.default, in canonical form. */
class DefaultRoomConfigTest {
    @TempDir
    Path dataDir;

    private ParleyConfig config(String defaultRoom) {
        JsonObject json = ConfigLoader.defaults();
        json.getJsonObject("rooms").put("default", defaultRoom);
        json.getJsonObject("store").put("dataDir", dataDir.toString());
        return ParleyConfig.from(json);
    }

    @Test
    @DisplayName("the embedded store routes the configured default room (any spelling, canonicalised) to the group history")
    void embedded() {
        Vertx vertx = Vertx.vertx();
        try {
            Stores stores = MvStores.openDataDir(vertx, config("#Main"));
            try {
                long seq = await(stores.roomHistory().append("#main", group("m1", 1))).seq();
                assertEquals(seq, await(stores.groupHistory().head()));
                assertEquals(0L, await(stores.roomHistory().head(StoreSet.DEFAULT_ROOM)), "#lobby is an ordinary room now");
            } finally {
                await(stores.close());
            }
        } finally {
            await(vertx.close());
        }
    }

    @Test
    @DisplayName("the Redis options carry the configured default room, canonicalised; #lobby when not configured")
    void redisOptions() {
        assertEquals("#main", RedisStoreOptions.from(config("#Main")).defaultRoom());
        assertEquals(StoreSet.DEFAULT_ROOM, RedisStoreOptions.from(ParleyConfig.from(ConfigLoader.defaults())).defaultRoom());
        assertEquals(StoreSet.DEFAULT_ROOM, RedisStoreOptions.of("redis://127.0.0.1:1").defaultRoom());
    }
}
