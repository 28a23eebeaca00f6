package dev.parley.store.mvstore;

import dev.parley.config.ConfigException;
import dev.parley.config.ParleyConfig;
import dev.parley.protocol.RoomName;
import dev.parley.store.Blocking;
import dev.parley.store.MemoryCounterStore;
import dev.parley.store.MemoryPresenceStore;
import dev.parley.store.StoreSet;
import dev.parley.store.StoreSize;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded, persistent backend: one H2 MVStore file in the data directory. Accounts and mailbox changes
 * are committed before their futures complete (registrations made within a few milliseconds share one commit:
 * {@link CoalescedCommit}); rooms with their membership, room and group history, read and last-seen positions and
 * idempotency keys are committed by MVStore's background writer (within about a second) and on close.
 * Presence and rate-limit counters are kept in memory: neither outlives the process usefully.
 */
public final class MvStores extends StoreSet {
    public static final String FILE_NAME = "parley.mv.db";

    private final MVStore store;
    private final Path file;
    private final Blocking blocking;

    private MvStores(Vertx vertx, MVStore store, Path file, Blocking blocking, int historyMax, String defaultRoom) {
        this(vertx, store, file, blocking, defaultRoom, new MvGroupHistoryStore(store, blocking, historyMax),
                new MvRoomStore(store, blocking, defaultRoom), new MvRoomHistoryStore(store, blocking, historyMax));
    }

    /** The room stores are shared with the one step that checks membership and appends ({@link MvRoomSpeech}). */
    private MvStores(Vertx vertx, MVStore store, Path file, Blocking blocking, String defaultRoom, MvGroupHistoryStore group,
                     MvRoomStore rooms, MvRoomHistoryStore roomHistory) {
        super(new MvUserStore(vertx, store, blocking), new MvMailboxStore(store, blocking),
                group, new MvLastSeenStore(store, blocking),
                new MvIdempotencyStore(store, blocking), new MemoryPresenceStore(),
                // Rate-limit windows are minutes long: not worth a disk write per login attempt.
                new MemoryCounterStore(System::currentTimeMillis),
                defaultRoom, rooms, roomHistory, new MvReadPositionStore(store, blocking),
                new MvRoomSpeech(blocking, rooms, group, roomHistory, defaultRoom));
        this.store = store;
        this.file = file;
        this.blocking = blocking;
    }

    /**
     * Opens the store in store.dataDir, keeping history.maxMessages messages per room, with rooms.default as the
     * default room (whose history and read positions are the group history and last-seen positions). Blocking.
     * A failure is a {@link ConfigException} naming the directory and the settings that choose another.
     */
    public static MvStores openDataDir(Vertx vertx, ParleyConfig config) {
        Path dir = Path.of(config.store().dataDir());
        try {
            return open(vertx, dir, config.history().maxMessages(), RoomName.canonical(config.rooms().defaultRoom()));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null && e instanceof UncheckedIOException ? e.getCause() : e;
            throw new ConfigException("store.dataDir: cannot open the embedded store in " + dir.toAbsolutePath() + " ("
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "); choose another directory with "
                    + "--data-dir or PARLEY_STORE_DATA_DIR (two nodes cannot share one)");
        }
    }

    /** Opens the store with the shipped default room {@value StoreSet#DEFAULT_ROOM}; see {@link #open(Vertx, Path, int, String)}. */
    public static MvStores open(Vertx vertx, Path dataDir, int historyMax) {
        return open(vertx, dataDir, historyMax, StoreSet.DEFAULT_ROOM);
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir}; {@code defaultRoom} is canonical. Blocking: call at
     * start-up only.
     */
    public static MvStores open(Vertx vertx, Path dataDir, int historyMax, String defaultRoom) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        MVStore store = new MVStore.Builder()
                .fileName(dataDir.resolve(FILE_NAME).toString())
                .open();
        return new MvStores(vertx, store, dataDir.resolve(FILE_NAME), new Blocking(vertx, "parley-store", 4), historyMax, defaultRoom);
    }

    @Override
    public Future<StoreSize> size() {
        return blocking.read(() -> {
            long used = Files.size(file);
            return new StoreSize(used, used + Files.getFileStore(file).getUsableSpace());
        });
    }

    @Override
    public Future<Void> ping() {
        return blocking.run(() -> {
            if (store.isClosed()) throw new IllegalStateException("the store is closed");
            return null;
        });
    }

    @Override
    public Future<Void> close() {
        return blocking.run(() -> {
            store.close();
            return null;
        }).compose(v -> blocking.close());
    }
}
