import dev.parley.store.StoredMessage;
import dev.parley.store.Stores;
import dev.parley.store.mvstore.MvStores;
import dev.parley.store.redis.RedisStoreOptions;
import dev.parley.store.redis.RedisStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Writes the upgrade fixtures through the PREVIOUS code's GroupHistoryStore and LastSeenStore (run with the
 * classes of commit 215fe90 on the class path; see README.md). Not compiled by the build: a resource.
 * Arguments: the MVStore data directory to write, the redis:// address of an empty redis-server.
 */
public class MakeUpgradeFixtures {
    static final long TS = 1_764_000_000_000L;

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        write(MvStores.open(vertx, Path.of(args[0]), 10_000));
        write(await(RedisStores.connect(vertx, RedisStoreOptions.of(args[1]))));
        await(vertx.close());
    }

    // 7 group messages g1..g7 (ts TS+1..TS+7); alice saw up to the 3rd, bob up to the 7th, carol never.
    static void write(Stores stores) throws Exception {
        long[] seqs = new long[8];
        for (int i = 1; i <= 7; i++) {
            StoredMessage m = new StoredMessage("g" + i, i % 2 == 0 ? "200" : "100", i % 2 == 0 ? "bob" : "alice", null,
                    "old group message " + i, TS + i, 0);
            seqs[i] = await(stores.groupHistory().append(m)).seq();
        }
        await(stores.lastSeen().advance("100", seqs[3]));
        await(stores.lastSeen().advance("200", seqs[7]));
        System.out.println(stores.getClass().getSimpleName() + ": seqs " + seqs[1] + ".." + seqs[7]);
        await(stores.close());
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
