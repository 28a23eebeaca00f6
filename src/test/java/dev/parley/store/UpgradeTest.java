package dev.parley.store;

import dev.parley.store.mvstore.MvStores;
import dev.parley.store.redis.RedisStoreOptions;
import dev.parley.store.redis.RedisStores;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static dev.parley.store.StoreContractTest.await;
import static dev.parley.store.StoreContractTest.group;
import static dev.parley.store.StoreContractTest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's upgrade: data written by the previous main (src/test/resources/upgrade, see its README) opened by
 * the new stores. The default room's history and read positions are the old group history and last-seen
 * positions, with no migration step, and new rooms work beside them.
 */
class UpgradeTest {
    private static final String LOBBY = StoreSet.DEFAULT_ROOM;
    private static final List<String> OLD_IDS = IntStream.rangeClosed(1, 7).mapToObj(i -> "g" + i).toList();

    @TempDir
    Path tmp;
    Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeVertx() {
        await(vertx.close());
    }

    @Test
    @DisplayName("an embedded data directory of the previous main: the default room is the old group, new rooms work beside it")
    void embedded() throws Exception {
        Path dir = tmp.resolve("data");
        Files.createDirectories(dir);
        Files.copy(fixture("mvstore/" + MvStores.FILE_NAME), dir.resolve(MvStores.FILE_NAME));
        Stores stores = MvStores.open(vertx, dir, 100, LOBBY);
        try {
            assertUpgraded(stores, 1);
        } finally {
            await(stores.close());
        }
        Stores reopened = MvStores.open(vertx, dir, 100, LOBBY);
        try {
            assertEquals(8L, await(reopened.roomHistory().head(LOBBY)), "the new message was kept in the old log");
            assertEquals(List.of("#dev"), await(reopened.roomStore().roomsOf("100")));
        } finally {
            await(reopened.close());
        }
    }

    @Test
    @DisplayName("a Redis dump of the previous main: the default room is the old group, new rooms work beside it")
    void redis() throws Exception {
        Path dir = tmp.resolve("redis");
        Files.createDirectories(dir);
        Files.copy(fixture("redis-dump.rdb"), dir.resolve("dump.rdb"));
        // Later arguments win: the server loads the copied dump instead of starting empty.
        try (RedisServer server = RedisServer.start("--dir", dir.toString(), "--dbfilename", "dump.rdb")) {
            Stores stores = await(RedisStores.connect(vertx, RedisStoreOptions.of(server.uri()).withHistoryMaxMessages(100)));
            try {
                assertUpgraded(stores, 1_764_000_000_001_001L);
            } finally {
                await(stores.close());
            }
        }
    }

    /** The fixture's content (see its README) read through the new API, then a new room used beside it. */
    private static void assertUpgraded(Stores stores, long firstSeq) {
        List<Long> oldSeqs = LongStream.range(firstSeq, firstSeq + 7).boxed().toList();
        RoomHistoryStore history = stores.roomHistory();
        assertEquals(firstSeq + 6, await(history.head(LOBBY)));
        HistorySlice all = await(history.since(LOBBY, 0, 100, 0));
        assertEquals(OLD_IDS, ids(all.messages()));
        assertEquals(oldSeqs, StoreContractTest.seqs(all.messages()));
        assertEquals(new StoredMessage("g2", "200", "bob", null, "old group message 2", 1_764_000_000_002L, firstSeq + 1),
                all.messages().get(1));
        HistorySlice page = await(history.before(LOBBY, Long.MAX_VALUE, 3));
        assertEquals(List.of("g5", "g6", "g7"), ids(page.messages()));
        assertEquals(4, page.skipped());
        assertEquals(List.of("g4", "g5", "g6", "g7"), ids(await(history.since(LOBBY, firstSeq + 2, 100, 0)).messages()),
                "alice's missed messages");

        ReadPositionStore positions = stores.readPositions();
        assertEquals(firstSeq + 2, await(positions.get("100", LOBBY)));
        assertEquals(firstSeq + 6, await(positions.get("200", LOBBY)));
        assertNull(await(positions.get("300", LOBBY)));
        assertEquals(Map.of(LOBBY, firstSeq + 2), await(positions.all("100")));

        RoomStore rooms = stores.roomStore();
        assertTrue(await(rooms.create(Room.created("#dev", "#Dev", "100", 1L), 10)));
        assertEquals(RoomStore.JoinOutcome.JOINED, await(rooms.join("#dev", "100", 10)));
        StoredMessage inDev = await(history.append("#dev", group("d1", 1_764_000_100_000L)));
        await(positions.advance("100", Map.of("#dev", inDev.seq())));
        StoredMessage inLobby = await(history.append(LOBBY, group("g8", 1_764_000_100_001L)));
        assertEquals(firstSeq + 7, inLobby.seq(), "the old sequence continues");
        assertEquals(firstSeq + 7, await(stores.groupHistory().head()), "the same log for the old API");
        assertEquals(List.of("d1"), ids(await(history.since("#dev", 0, 100, 0)).messages()));
        assertEquals(Map.of(LOBBY, firstSeq + 2, "#dev", inDev.seq()), await(positions.all("100")));
        assertEquals(firstSeq + 2, await(stores.lastSeen().get("100")), "the old API's position is untouched by other rooms");
    }

    private static Path fixture(String name) throws Exception {
        var url = UpgradeTest.class.getResource("/upgrade/" + name);
        if (url == null) throw new IllegalStateException("missing fixture src/test/resources/upgrade/" + name);
        return Path.of(url.toURI());
    }
}
