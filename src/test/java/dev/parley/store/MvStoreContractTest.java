package dev.parley.store;

import dev.parley.store.mvstore.MvStores;
import io.vertx.core.Vertx;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The contract against the embedded backend (MVStore, with in-memory presence). */
class MvStoreContractTest extends StoreContractTest {
    @TempDir
    Path dataDir;

    @Override
    Stores open(Vertx vertx) {
        return MvStores.open(vertx, dataDir, HISTORY_MAX);
    }

    @Test
    @DisplayName("a mailbox written before the byte quota (counters [count, seq]) gets bytes and sender counts rebuilt")
    void countersOfOldShapeAreRebuilt() {
        MailboxQuota quota = new MailboxQuota(100, 1 << 20, 2);
        await(stores.mailbox().append("bob", mail("a1", "alice", "bob", "hi", 1), quota));
        await(stores.mailbox().append("bob", mail("a2", "alice", "bob", "hi", 2), quota));
        await(stores.close());
        MVStore raw = new MVStore.Builder().fileName(dataDir.resolve(MvStores.FILE_NAME).toString()).open();
        raw.<String, long[]>openMap("mail-counters").put("bob", new long[]{2, 3});
        MVMap<String, Long> senders = raw.openMap("mail-senders");
        senders.clear();
        raw.close();
        stores = MvStores.open(vertx, dataDir, HISTORY_MAX);

        assertEquals(MailboxStore.Append.SENDER_CAP, await(stores.mailbox().append("bob", mail("a3", "alice", "bob", "hi", 3), quota)));
        int size = mail("a1", "alice", "bob", "hi", 1).sizeBytes();
        assertEquals(MailboxStore.Append.FULL_BYTES, await(stores.mailbox().append("bob", mail("c1", "carol", "bob", "hi", 4),
                new MailboxQuota(100, 2L * size + size - 1, 2))), "the two old messages' bytes are counted");
        assertEquals(MailboxStore.Append.STORED, await(stores.mailbox().append("bob", mail("c1", "carol", "bob", "hi", 4), quota)));
        List<StoredMessage> all = await(stores.mailbox().peek("bob", 10));
        assertEquals(List.of("a1", "a2", "c1"), ids(all));
        assertEquals(3, all.get(2).seq(), "seqs continue from the old counter");
    }
}
