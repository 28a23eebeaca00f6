package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import dev.parley.store.UserRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.parley.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registrations share commits, and one answered ok is already in the file. */
class MvUserStoreCommitTest {
    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private MVStore store;

    @AfterEach
    void close() throws Exception {
        if (store != null) store.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private MvUserStore open() {
        store = new MVStore.Builder().fileName(dir.resolve("live.mv.db").toString()).open();
        return new MvUserStore(vertx, store, new Blocking(vertx, "test-store", 4));
    }


    @Test
    @DisplayName("200 registrations at once are written by a few commits, and each answered ok is in the file")
    void stormSharesCommits() throws Exception {
        MvUserStore users = open();
        List<Future<Boolean>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) all.add(users.create(new UserRecord("u" + i, "user" + i, "hash" + i, i)));
        for (Future<Boolean> f : all) assertTrue(result(f));
        assertTrue(users.registrationCommits() < 20, users.registrationCommits() + " commits for 200 registrations");
        assertFalse(store.hasUnsavedChanges(), "answered ok after the commit");

        // What another process would find in the file now (a crash right after the answers): every account.
        Path copy = dir.resolve("copy.mv.db");
        Files.copy(dir.resolve("live.mv.db"), copy);
        MVStore reopened = new MVStore.Builder().fileName(copy.toString()).readOnly().open();
        try {
            assertEquals(200, reopened.openMap("users").size());
        } finally {
            reopened.close();
        }
    }

    @Test
    @DisplayName("a name already taken is refused at once and commits nothing")
    void takenCommitsNothing() throws Exception {
        MvUserStore users = open();
        assertTrue(result(users.create(new UserRecord("u1", "ann", "h", 1))));
        long commits = users.registrationCommits();
        assertFalse(result(users.create(new UserRecord("u1", "mallory", "h2", 2))));
        assertEquals(commits, users.registrationCommits());
    }
}
