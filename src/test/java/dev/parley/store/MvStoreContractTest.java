package dev.parley.store;

import dev.parley.store.mvstore.MvStores;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The contract against the embedded backend (MVStore, with in-memory presence). */
class MvStoreContractTest extends StoreContractTest {
    @TempDir
    Path dataDir;

    @Override
    Stores open(Vertx vertx) {
        return MvStores.open(vertx, dataDir, HISTORY_MAX);
    }
}
