package dev.parley.service.presence;

import dev.parley.store.PresenceEntry;
import dev.parley.store.PresenceStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The shared online list: who may share a read, for how long, and what this node's own changes do to it. */
class OnlineSnapshotTest {
    private static final long MS = 1_000_000;
    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final List<Boolean> counted = new ArrayList<>();
    /** The store as the fake sees it: count and entries each read returns. */
    private PresenceStore.Online table = online(10, "a", "b", "c");
    private int reads;
    private final Supplier<Future<PresenceStore.Online>> read = () -> {
        reads++;
        return Future.succeededFuture(table);
    };

    private static PresenceStore.Online online(long count, String... users) {
        List<PresenceEntry> entries = new ArrayList<>();
        for (String u : users) entries.add(new PresenceEntry(u, null, "n1", "s-" + u));
        return new PresenceStore.Online(count, entries);
    }

    private OnlineSnapshot snapshot(long windowMillis, long floor) {
        return new OnlineSnapshot(windowMillis, floor, now::get, counted::add);
    }

    @Test
    @DisplayName("above the floor, requests within the window share one read; after it, the store is read again")
    void sharedWithinTheWindow() {
        OnlineSnapshot s = snapshot(500, 5);
        assertEquals(10, s.online(read).result().count());
        now.addAndGet(499 * MS);
        table = online(11, "a", "b", "c", "d");
        assertEquals(10, s.online(read).result().count());
        assertEquals(1, reads);
        now.addAndGet(MS);
        assertEquals(11, s.online(read).result().count());
        assertEquals(2, reads);
        assertEquals(List.of(false, true, false), counted);
    }

    @Test
    @DisplayName("at or below the floor every request reads the store: the list is whole, and arrivals are pushed")
    void belowTheFloorAlwaysRead() {
        table = online(5, "a", "b");
        OnlineSnapshot s = snapshot(500, 5);
        s.online(read);
        s.online(read);
        s.online(read);
        assertEquals(3, reads);
        assertFalse(counted.contains(true));
    }

    @Test
    @DisplayName("a window of 0 never shares")
    void offWhenZero() {
        OnlineSnapshot s = snapshot(0, 0);
        s.online(read);
        s.online(read);
        assertEquals(2, reads);
    }

    @Test
    @DisplayName("this node's arrivals raise the shared count, its departures set it and leave the sample")
    void ownChangesApplied() {
        OnlineSnapshot s = snapshot(500, 5);
        s.online(read);
        s.arrived();
        s.arrived();
        assertEquals(12, s.online(read).result().count());
        s.left(new PresenceEntry("b", null, "n1", "s-b"), 8);
        PresenceStore.Online after = s.online(read).result();
        assertEquals(8, after.count());
        assertEquals(List.of("a", "c"), after.entries().stream().map(PresenceEntry::user).toList());
        assertEquals(1, reads);
    }

    @Test
    @DisplayName("once the window has passed, requests arriving during the next read share it instead of reading again")
    void concurrentRequestsShareTheReadUnderWay() {
        OnlineSnapshot s = snapshot(500, 5);
        s.online(read);
        now.addAndGet(600 * MS);
        Promise<PresenceStore.Online> slow = Promise.promise();
        Future<PresenceStore.Online> first = s.online(() -> {
            reads++;
            return slow.future();
        });
        Future<PresenceStore.Online> second = s.online(read);
        assertEquals(2, reads);
        assertFalse(second.isComplete());
        PresenceStore.Online fresh = online(20, "x");
        slow.complete(fresh);
        assertSame(fresh, first.result());
        assertSame(fresh, second.result());
    }

    @Test
    @DisplayName("a failed read is not kept: the next request reads again")
    void failureNotShared() {
        OnlineSnapshot s = snapshot(500, 5);
        s.online(read);
        now.addAndGet(600 * MS);
        assertEquals("down", s.online(() -> Future.failedFuture("down")).cause().getMessage());
        s.online(read);
        assertEquals(2, reads);
    }

    @Test
    @DisplayName("this node's arrivals alone never start the sharing, and a departure down to the floor ends it")
    void onlyTheStoresCountDecides() {
        table = online(5, "a", "b");
        OnlineSnapshot s = snapshot(500, 5);
        s.online(read);
        s.arrived();
        s.online(read);
        assertEquals(2, reads, "6 by this node's count, but the store said 5");
        table = online(7, "a", "b");
        s.online(read);
        s.online(read);
        assertEquals(3, reads);
        s.left(new PresenceEntry("a", null, "n1", "s-a"), 5);
        s.online(read);
        assertEquals(4, reads, "5 online after the departure: read again");
    }
}
