package dev.parley.store;

import dev.parley.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every storage backend promises, run against each of them by a subclass. Each test gets a fresh,
 * empty backend whose group history keeps {@link #HISTORY_MAX} messages.
 */
abstract class StoreContractTest {
    static final int HISTORY_MAX = 5;
    static final int CONCURRENT = 20;

    Vertx vertx;
    Stores stores;

    /** A fresh, empty backend with a group history capped at {@link #HISTORY_MAX}. */
    abstract Stores open(Vertx vertx) throws Exception;

    @BeforeEach
    void openStores() throws Exception {
        vertx = Vertx.vertx();
        stores = open(vertx);
    }

    @AfterEach
    void closeStores() {
        if (stores != null) await(stores.close());
        await(vertx.close());
    }

    // ---- users

    @Test
    @DisplayName("an account is created once, found by id, and never overwritten by a second registration")
    void usersCreateAndFind() {
        UserRecord alice = new UserRecord("100", "alice", "pbkdf2$1000$salt$hash", 1_700_000_000_000L);
        assertNull(await(stores.users().find("100")), "no account before registration");
        assertTrue(await(stores.users().create(alice)));
        assertEquals(alice, await(stores.users().find("100")));
        assertFalse(await(stores.users().create(new UserRecord("100", "mallory", "other", 1L))), "id taken");
        assertEquals(alice, await(stores.users().find("100")), "the first registration stands");
        assertNull(await(stores.users().find("101")));
    }

    @Test
    @DisplayName("of 20 concurrent registrations of one id exactly one succeeds, and its record is the one stored")
    void usersConcurrentCreate() {
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            attempts.add(stores.users().create(new UserRecord("200", "name" + i, "hash" + i, i)));
        }
        awaitAll(attempts);
        List<Integer> winners = IntStream.range(0, CONCURRENT).filter(i -> attempts.get(i).result()).boxed().toList();
        assertEquals(1, winners.size(), "exactly one winner: " + winners);
        assertEquals("name" + winners.get(0), await(stores.users().find("200")).name());
    }

    // ---- mailbox

    // ---- account management (admin API and self-service)

    @Test
    @DisplayName("update changes an account's name, hash and lock flag, keeps the rest, and answers null for an unknown id")
    void usersUpdate() {
        UserRecord alice = new UserRecord("300", "alice", "h1", 7L);
        assertTrue(await(stores.users().create(alice)));
        assertFalse(await(stores.users().find("300")).locked(), "new accounts are unlocked");
        assertEquals(alice.withName("Alice L."), await(stores.users().update("300", u -> u.withName("Alice L."))));
        await(stores.users().update("300", u -> u.withPasswordHash("h2")));
        await(stores.users().update("300", u -> u.withLocked(true)));
        assertEquals(new UserRecord("300", "Alice L.", "h2", 7L, true), await(stores.users().find("300")));
        await(stores.users().update("300", u -> u.withLocked(false)));
        assertFalse(await(stores.users().find("300")).locked());
        assertNull(await(stores.users().update("nobody", u -> u.withLocked(true))));
        assertNull(await(stores.users().find("nobody")), "update never creates");
    }

    @Test
    @DisplayName("20 concurrent updates of different fields of one account are all kept (none undoes another)")
    void usersConcurrentUpdates() {
        assertTrue(await(stores.users().create(new UserRecord("301", "n", "h", 1L))));
        List<Future<UserRecord>> updates = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            int n = i;
            // Each appends its own mark to the name: a lost update would lose a mark.
            updates.add(stores.users().update("301", u -> u.withName(u.name() + "." + n)));
        }
        awaitAll(updates);
        Set<String> marks = new HashSet<>(List.of(await(stores.users().find("301")).name().split("\\.")));
        for (int i = 0; i < CONCURRENT; i++) assertTrue(marks.contains(Integer.toString(i)), "mark " + i + " in " + marks);
    }

    @Test
    @DisplayName("delete removes an account once; its id can then be registered again")
    void usersDelete() {
        assertTrue(await(stores.users().create(new UserRecord("302", "bob", "h", 1L))));
        assertTrue(await(stores.users().delete("302")));
        assertNull(await(stores.users().find("302")));
        assertFalse(await(stores.users().delete("302")), "already gone");
        assertTrue(await(stores.users().create(new UserRecord("302", "bob2", "h", 2L))));
        assertEquals("bob2", await(stores.users().find("302")).name());
    }

    @Test
    @DisplayName("clearing a mailbox removes all of that user's mail (more than one batch) and nobody else's")
    void mailboxClear() {
        int n = MailboxStore.CLEAR_BATCH + 3;
        for (int i = 0; i < n; i++) await(stores.mailbox().append("gone", mail("m" + i, "a", "gone", "t", i), n));
        await(stores.mailbox().append("kept", mail("k1", "a", "kept", "t", 1), 10));
        await(stores.mailbox().clear("gone"));
        assertTrue(await(stores.mailbox().peek("gone", n)).isEmpty());
        assertEquals(1, await(stores.mailbox().peek("kept", 10)).size());
        await(stores.mailbox().clear("never-had-mail"));
    }

    @Test
    @DisplayName("forgetting a last-seen position makes it unknown, for that user only")
    void lastSeenForget() {
        await(stores.lastSeen().advance("gone", 5));
        await(stores.lastSeen().advance("kept", 6));
        await(stores.lastSeen().forget("gone"));
        assertNull(await(stores.lastSeen().get("gone")));
        assertEquals(6L, await(stores.lastSeen().get("kept")));
        await(stores.lastSeen().advance("gone", 2));
        assertEquals(2L, await(stores.lastSeen().get("gone")), "a new account of that id starts afresh");
    }

    @Test
    @DisplayName("mail is peeked oldest first with increasing seqs, every field intact, and peeking removes nothing")
    void mailboxOrderAndPeek() {
        for (int i = 1; i <= 4; i++) {
            assertTrue(await(stores.mailbox().append("bob", mail("m" + i, "alice", "bob", "hello " + i, 1000L + i), 10)));
        }
        List<StoredMessage> all = await(stores.mailbox().peek("bob", 10));
        assertEquals(List.of("m1", "m2", "m3", "m4"), ids(all));
        assertIncreasing(all);
        StoredMessage first = all.get(0);
        assertEquals(new StoredMessage("m1", "alice", "Alice", "bob", "hello 1", 1001L, first.seq()), first);
        assertTrue(first.seq() > 0, "a stored message has a seq");
        assertEquals(all, await(stores.mailbox().peek("bob", 10)), "peek does not remove");
        assertEquals(List.of("m1", "m2"), ids(await(stores.mailbox().peek("bob", 2))), "the oldest when limited");
        assertEquals(List.of(), await(stores.mailbox().peek("bob", 0)));
        assertEquals(List.of(), await(stores.mailbox().peek("nobody", 10)));
    }

    @Test
    @DisplayName("mailboxes are per user")
    void mailboxPerUser() {
        assertTrue(await(stores.mailbox().append("bob", mail("b1", "alice", "bob", "for bob", 1), 10)));
        assertTrue(await(stores.mailbox().append("carol", mail("c1", "alice", "carol", "for carol", 2), 10)));
        assertEquals(List.of("b1"), ids(await(stores.mailbox().peek("bob", 10))));
        assertEquals(List.of("c1"), ids(await(stores.mailbox().peek("carol", 10))));
    }

    @Test
    @DisplayName("a full mailbox refuses mail until delivered mail is removed")
    void mailboxQuota() {
        for (int i = 1; i <= 3; i++) assertTrue(await(stores.mailbox().append("bob", mail("m" + i, "a", "bob", "x", i), 3)));
        assertFalse(await(stores.mailbox().append("bob", mail("m4", "a", "bob", "x", 4), 3)), "full at 3");
        assertEquals(3, await(stores.mailbox().peek("bob", 10)).size(), "a refused message is not stored");
        long firstSeq = await(stores.mailbox().peek("bob", 1)).get(0).seq();
        await(stores.mailbox().remove("bob", List.of(firstSeq)));
        assertTrue(await(stores.mailbox().append("bob", mail("m5", "a", "bob", "x", 5), 3)), "room again");
        assertEquals(List.of("m2", "m3", "m5"), ids(await(stores.mailbox().peek("bob", 10))));
    }

    @Test
    @DisplayName("remove takes exactly the given seqs, ignores unknown ones, and later mail gets higher seqs")
    void mailboxRemove() {
        for (int i = 1; i <= 5; i++) await(stores.mailbox().append("bob", mail("m" + i, "a", "bob", "x", i), 10));
        List<StoredMessage> all = await(stores.mailbox().peek("bob", 10));
        await(stores.mailbox().remove("bob", List.of(all.get(1).seq(), all.get(3).seq(), 999_999L)));
        assertEquals(List.of("m1", "m3", "m5"), ids(await(stores.mailbox().peek("bob", 10))));
        await(stores.mailbox().remove("bob", List.of()));
        await(stores.mailbox().remove("nobody", List.of(1L)));
        await(stores.mailbox().remove("bob", all.stream().map(StoredMessage::seq).toList()));
        assertEquals(List.of(), await(stores.mailbox().peek("bob", 10)));
        await(stores.mailbox().append("bob", mail("m6", "a", "bob", "x", 6), 10));
        long newSeq = await(stores.mailbox().peek("bob", 10)).get(0).seq();
        assertTrue(newSeq > all.get(4).seq(), "seqs never restart, so a late ack cannot remove new mail");
    }

    @Test
    @DisplayName("20 concurrent sends into a mailbox of 10 store exactly 10, with distinct seqs")
    void mailboxConcurrentQuota() {
        List<Future<Boolean>> sends = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) sends.add(stores.mailbox().append("bob", mail("m" + i, "a", "bob", "x", i), 10));
        awaitAll(sends);
        assertEquals(10, sends.stream().filter(Future::result).count());
        List<StoredMessage> stored = await(stores.mailbox().peek("bob", 100));
        assertEquals(10, stored.size());
        assertIncreasing(stored);
    }

    @Test
    @DisplayName("the byte quota: messages are stored while their sizes fit, the next is FULL_BYTES, removal frees the bytes")
    void mailboxByteQuota() {
        StoredMessage m = mail("m1", "a", "bob", "é".repeat(100), 1);
        int size = m.sizeBytes();
        assertTrue(size > 200, "sizes count UTF-8 bytes: " + size);
        MailboxQuota quota = new MailboxQuota(100, 3L * size, 100);
        for (int i = 1; i <= 3; i++) {
            assertEquals(MailboxStore.Append.STORED, await(stores.mailbox().append("bob", mail("m" + i, "a", "bob", "é".repeat(100), i), quota)));
        }
        assertEquals(MailboxStore.Append.FULL_BYTES, await(stores.mailbox().append("bob", mail("m4", "b", "bob", "é", 4), quota)),
                "even a small message does not fit a full byte quota");
        assertEquals(3, await(stores.mailbox().peek("bob", 10)).size(), "a refused message is not stored");
        assertEquals(MailboxStore.Append.STORED, await(stores.mailbox().append("carol", mail("c1", "a", "carol", "x", 1), quota)),
                "quotas are per mailbox");
        List<StoredMessage> stored = await(stores.mailbox().peek("bob", 10));
        await(stores.mailbox().remove("bob", List.of(stored.get(0).seq(), 999_999L)));
        assertEquals(MailboxStore.Append.STORED, await(stores.mailbox().append("bob", mail("m5", "b", "bob", "é".repeat(100), 5), quota)),
                "the removed message's bytes are free again");
        assertEquals(MailboxStore.Append.FULL_BYTES, await(stores.mailbox().append("bob", mail("m6", "b", "bob", "é", 6), quota)));
        await(stores.mailbox().remove("bob", await(stores.mailbox().peek("bob", 10)).stream().map(StoredMessage::seq).toList()));
        for (int i = 7; i <= 9; i++) {
            assertEquals(MailboxStore.Append.STORED, await(stores.mailbox().append("bob", mail("m" + i, "c", "bob", "é".repeat(100), i), quota)),
                    "an emptied mailbox has its whole quota again");
        }
    }

    @Test
    @DisplayName("the per-sender cap: one sender is refused with SENDER_CAP while others can still write; removal frees it")
    void mailboxSenderCap() {
        MailboxQuota quota = new MailboxQuota(100, 1 << 20, 2);
        assertEquals(MailboxStore.Append.STORED, await(stores.mailbox().append("bob", mail("a1", "alice", "bob", "x", 1), quota)));
        assertEquals(MailboxStore.Append.STORED, await(stores.mailbox().append("bob", mail("a2", "alice", "bob", "x", 2), quota)));
        assertEquals(MailboxStore.Append.SENDER_CAP, await(stores.mailbox().append("bob", mail("a3", "alice", "bob", "x", 3), quota)));
        assertEquals(MailboxStore.Append.STORED, await(stores.mailbox().append("bob", mail("c1", "carol", "bob", "x", 4), quota)),
                "another sender is not locked out");
        assertEquals(MailboxStore.Append.STORED, await(stores.mailbox().append("dave", mail("a4", "alice", "dave", "x", 5), quota)),
                "the cap is per recipient");
        long first = await(stores.mailbox().peek("bob", 1)).get(0).seq();
        await(stores.mailbox().remove("bob", List.of(first)));
        assertEquals(MailboxStore.Append.STORED, await(stores.mailbox().append("bob", mail("a5", "alice", "bob", "x", 6), quota)),
                "delivered mail no longer counts");
        assertEquals(List.of("a2", "c1", "a5"), ids(await(stores.mailbox().peek("bob", 10))));
    }

    @Test
    @DisplayName("20 concurrent sends from distinct senders into a byte quota of 5 messages store exactly 5")
    void mailboxConcurrentByteQuota() {
        int size = mail("m00", "s00", "bob", "x".repeat(50), 0).sizeBytes();
        MailboxQuota quota = new MailboxQuota(100, 5L * size, 100);
        List<Future<MailboxStore.Append>> sends = new ArrayList<>();
        for (int i = 10; i < 10 + CONCURRENT; i++) {
            sends.add(stores.mailbox().append("bob", mail("m" + i, "s" + i, "bob", "x".repeat(50), 0), quota));
        }
        awaitAll(sends);
        assertEquals(5, sends.stream().filter(f -> f.result() == MailboxStore.Append.STORED).count());
        assertEquals(CONCURRENT - 5, sends.stream().filter(f -> f.result() == MailboxStore.Append.FULL_BYTES).count());
        assertEquals(5, await(stores.mailbox().peek("bob", 100)).size());
    }

    @Test
    @DisplayName("size() reports what the store holds, growing as mail is stored, and a limit that is 0 or above it")
    void sizeGrows() {
        StoreSize before = await(stores.size());
        assertTrue(before.usedBytes() > 0, "used: " + before);
        for (int i = 0; i < 200; i++) await(stores.mailbox().append("bob", mail("m" + i, "a" + i, "bob", "x".repeat(4000), i), 1000));
        StoreSize after = await(stores.size());
        assertTrue(after.usedBytes() > before.usedBytes() + 200 * 4000 / 2, before + " -> " + after);
        assertTrue(after.limitBytes() == 0 || after.limitBytes() >= after.usedBytes(), after.toString());
    }

    // ---- group history

    @Test
    @DisplayName("an empty history has head 0 and nothing to replay")
    void historyEmpty() {
        assertEquals(0L, await(stores.groupHistory().head()));
        assertEquals(new HistorySlice(List.of(), 0, 0), await(stores.groupHistory().since(0, 10, 0)));
    }

    /**
     * Seqs only promise to increase by one per append; where they start is the backend's choice (Redis starts a
     * fresh counter from the clock so that seqs never go backwards after Redis lost its data). Tests therefore
     * speak of seqs relative to the one before the first append.
     */
    private long appendFrom(int count, java.util.function.IntToLongFunction ts) {
        long base = -1;
        for (int i = 1; i <= count; i++) {
            StoredMessage stored = await(stores.groupHistory().append(group("g" + i, ts.applyAsLong(i))));
            if (base < 0) base = stored.seq() - 1;
            assertEquals(base + i, stored.seq(), "seqs increase by one per append");
            assertEquals("g" + i, stored.id());
        }
        return base;
    }

    private static List<Long> relative(List<StoredMessage> messages, long base) {
        return messages.stream().map(m -> m.seq() - base).toList();
    }

    @Test
    @DisplayName("appends get consecutive seqs; since returns what followed a position, oldest first")
    void historyAppendAndSince() {
        long b = appendFrom(3, i -> 1000L + i);
        assertTrue(b >= 0);
        assertEquals(b + 3, await(stores.groupHistory().head()));
        HistorySlice slice = await(stores.groupHistory().since(b + 1, 10, 0));
        assertEquals(List.of(2L, 3L), relative(slice.messages(), b));
        assertEquals(new StoredMessage("g2", "alice", "Alice", null, "text g2", 1002L, b + 2), slice.messages().get(0));
        assertEquals(0, slice.skipped());
        assertEquals(b + 3, slice.head());
        assertEquals(new HistorySlice(List.of(), 0, b + 3), await(stores.groupHistory().since(b + 3, 10, 0)), "up to date");
        assertEquals(new HistorySlice(List.of(), 0, b + 3), await(stores.groupHistory().since(b + 7, 10, 0)), "ahead of head");
    }

    @Test
    @DisplayName("since returns the newest max messages and counts the rest as skipped")
    void historySinceMax() {
        long b = appendFrom(5, i -> i);
        HistorySlice slice = await(stores.groupHistory().since(b, 2, 0));
        assertEquals(List.of(4L, 5L), relative(slice.messages(), b));
        assertEquals(3, slice.skipped());
        assertEquals(b + 5, slice.head());
        HistorySlice none = await(stores.groupHistory().since(b + 1, 0, 0));
        assertEquals(new HistorySlice(List.of(), 4, b + 5), none, "max 0 replays nothing and skips everything");
    }

    @Test
    @DisplayName("the history keeps only the newest messages; the dropped ones count as skipped")
    void historyCap() {
        long b = appendFrom(HISTORY_MAX + 3, i -> i);
        HistorySlice slice = await(stores.groupHistory().since(b, 100, 0));
        assertEquals(LongStream.rangeClosed(4, HISTORY_MAX + 3).boxed().toList(), relative(slice.messages(), b));
        assertEquals(3, slice.skipped());
        assertEquals(b + HISTORY_MAX + 3, slice.head());
    }

    @Test
    @DisplayName("messages older than notBeforeTs are not replayed but count as skipped, even out of ts order")
    void historyNotBefore() {
        long[] ts = {1000, 5000, 2000, 6000, 3000};
        long b = appendFrom(ts.length, i -> ts[i - 1]);
        HistorySlice slice = await(stores.groupHistory().since(b, 10, 2500));
        assertEquals(List.of(2L, 4L, 5L), relative(slice.messages(), b));
        assertEquals(2, slice.skipped());
        HistorySlice newest = await(stores.groupHistory().since(b, 2, 2500));
        assertEquals(List.of(4L, 5L), relative(newest.messages(), b), "the newest of those new enough");
        assertEquals(3, newest.skipped());
    }

    @Test
    @DisplayName("20 concurrent appends get distinct, contiguous seqs")
    void historyConcurrentAppends() {
        List<Future<StoredMessage>> appends = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) appends.add(stores.groupHistory().append(group("g" + i, i)));
        awaitAll(appends);
        Set<Long> seqs = appends.stream().map(f -> f.result().seq()).collect(Collectors.toSet());
        long b = seqs.stream().mapToLong(Long::longValue).min().orElseThrow() - 1;
        assertEquals(LongStream.rangeClosed(b + 1, b + CONCURRENT).boxed().collect(Collectors.toSet()), seqs);
        assertEquals(b + CONCURRENT, await(stores.groupHistory().head()));
        assertEquals(LongStream.rangeClosed(CONCURRENT - HISTORY_MAX + 1, CONCURRENT).boxed().toList(),
                relative(await(stores.groupHistory().since(b, 100, 0)).messages(), b), "the log is in seq order");
    }

    // ---- last seen

    @Test
    @DisplayName("a last-seen position starts unknown, advances per user, and never moves back")
    void lastSeen() {
        assertNull(await(stores.lastSeen().get("alice")));
        await(stores.lastSeen().advance("alice", 5));
        assertEquals(5L, await(stores.lastSeen().get("alice")));
        await(stores.lastSeen().advance("alice", 3));
        assertEquals(5L, await(stores.lastSeen().get("alice")), "not backwards");
        await(stores.lastSeen().advance("alice", 0));
        await(stores.lastSeen().advance("alice", 9));
        assertEquals(9L, await(stores.lastSeen().get("alice")));
        assertNull(await(stores.lastSeen().get("bob")));
        await(stores.lastSeen().advance("bob", 0));
        assertEquals(0L, await(stores.lastSeen().get("bob")), "0 is a position (a first login at an empty history)");
    }

    @Test
    @DisplayName("concurrent advances in any order leave the highest position")
    void lastSeenConcurrent() {
        List<Long> positions = LongStream.rangeClosed(1, CONCURRENT).boxed().collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(positions, new Random(7));
        awaitAll(positions.stream().map(p -> stores.lastSeen().advance("alice", p)).toList());
        assertEquals((long) CONCURRENT, await(stores.lastSeen().get("alice")));
    }

    // ---- idempotency

    @Test
    @DisplayName("putIfAbsent stores once and then answers the stored value; put overwrites; remove forgets")
    void idempotency() {
        long later = System.currentTimeMillis() + 60_000;
        assertNull(await(stores.idempotency().putIfAbsent("alice\0msg\0c1", "first", later)));
        assertEquals("first", await(stores.idempotency().putIfAbsent("alice\0msg\0c1", "second", later)));
        await(stores.idempotency().put("alice\0msg\0c1", "final", later));
        assertEquals("final", await(stores.idempotency().putIfAbsent("alice\0msg\0c1", "third", later)));
        assertNull(await(stores.idempotency().putIfAbsent("alice\0msg\0c2", "other key", later)));
        await(stores.idempotency().remove("alice\0msg\0c1"));
        assertNull(await(stores.idempotency().putIfAbsent("alice\0msg\0c1", "again", later)), "removed keys are free");
        await(stores.idempotency().remove("never stored"));
    }

    @Test
    @DisplayName("an idempotency key is forgotten once it expires")
    void idempotencyExpiry() {
        long soon = System.currentTimeMillis() + 200;
        assertNull(await(stores.idempotency().putIfAbsent("k", "v1", soon)));
        long later = System.currentTimeMillis() + 60_000;
        String seen = await(stores.idempotency().putIfAbsent("k", "v2", later));
        if (System.currentTimeMillis() < soon) assertEquals("v1", seen, "still remembered before expiry");
        awaitCondition(() -> await(stores.idempotency().putIfAbsent("k", "v2", later)) == null, "key expires");
        assertEquals("v2", await(stores.idempotency().putIfAbsent("k", "v3", later)));
    }

    @Test
    @DisplayName("of 20 concurrent claims of one key exactly one stores, and all others see its value")
    void idempotencyConcurrent() {
        long later = System.currentTimeMillis() + 60_000;
        List<Future<String>> claims = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) claims.add(stores.idempotency().putIfAbsent("k", "v" + i, later));
        awaitAll(claims);
        List<Integer> owners = IntStream.range(0, CONCURRENT).filter(i -> claims.get(i).result() == null).boxed().toList();
        assertEquals(1, owners.size(), "exactly one owner: " + owners);
        for (Future<String> c : claims) {
            if (c.result() != null) assertEquals("v" + owners.get(0), c.result());
        }
    }

    // ---- rate-limit counters

    private static CounterStore.Limit limit(String key, long max) {
        return new CounterStore.Limit(key, max, 60_000);
    }

    private boolean admitted(CounterStore.Limit... limits) {
        return await(stores.counters().acquire(List.of(limits))).admitted();
    }

    @Test
    @DisplayName("a counter admits max attempts per window; refused attempts are not counted; keys are independent")
    void countersLimit() {
        for (int i = 1; i <= 3; i++) {
            CounterStore.Admission a = await(stores.counters().acquire(List.of(limit("u:100", 3))));
            assertTrue(a.admitted(), "attempt " + i);
            assertEquals(i, a.counts()[0]);
        }
        CounterStore.Admission refused = await(stores.counters().acquire(List.of(limit("u:100", 3))));
        assertFalse(refused.admitted());
        assertEquals(0, refused.refusedBy());
        assertEquals(3, refused.counts()[0], "a refused attempt is not counted");
        assertTrue(admitted(limit("u:101", 3)), "another key has its own count");
        assertTrue(admitted(limit("u:100", 0)), "max 0 only counts");
        assertEquals(5, await(stores.counters().acquire(List.of(limit("u:100", 0)))).counts()[0]);
    }

    @Test
    @DisplayName("several counters are checked and counted as one step: when one refuses, none counts")
    void countersAllOrNothing() {
        assertTrue(admitted(limit("addr", 1)));
        CounterStore.Admission a = await(stores.counters().acquire(List.of(limit("user", 5), limit("addr", 1), limit("both", 0))));
        assertEquals(1, a.refusedBy(), "the address refused");
        assertEquals(0, a.counts()[0], "the user was not counted");
        CounterStore.Admission b = await(stores.counters().acquire(List.of(limit("user", 5), limit("both", 0))));
        assertTrue(b.admitted());
        assertEquals(1, b.counts()[0]);
        assertEquals(1, b.counts()[1]);
    }

    @Test
    @DisplayName("of 61 concurrent attempts against a max of 5 exactly 5 are admitted")
    void countersConcurrent() {
        List<Future<CounterStore.Admission>> attempts = new ArrayList<>();
        for (int i = 0; i < 61; i++) attempts.add(stores.counters().acquire(List.of(limit("guess", 5), limit("ip", 20))));
        awaitAll(attempts);
        long admitted = attempts.stream().filter(f -> f.result().admitted()).count();
        assertEquals(5, admitted);
        assertEquals(5, await(stores.counters().acquire(List.of(limit("ip", 0)))).counts()[0] - 1, "only admitted attempts counted");
    }

    @Test
    @DisplayName("release gives one count back, never below zero, and a missing key stays missing")
    void countersRelease() {
        assertTrue(admitted(limit("k", 2)));
        assertTrue(admitted(limit("k", 2)));
        assertFalse(admitted(limit("k", 2)));
        await(stores.counters().release(List.of("k", "never")));
        assertTrue(admitted(limit("k", 2)), "one given back");
        await(stores.counters().release(List.of("k")));
        await(stores.counters().release(List.of("k")));
        await(stores.counters().release(List.of("k")));
        assertEquals(1, await(stores.counters().acquire(List.of(limit("k", 2)))).counts()[0], "not below zero");
        assertEquals(1, await(stores.counters().acquire(List.of(limit("never", 2)))).counts()[0]);
    }

    @Test
    @DisplayName("a counter starts again from zero when its window ends")
    void countersWindow() {
        CounterStore.Limit shortWindow = new CounterStore.Limit("w", 1, 300);
        assertTrue(admitted(shortWindow));
        long windowEnd = System.currentTimeMillis() + 300;
        boolean second = admitted(shortWindow);
        if (System.currentTimeMillis() < windowEnd) assertFalse(second, "refused within the window");
        awaitCondition(() -> admitted(shortWindow), "the window ends");
    }

    // ---- presence

    @Test
    @DisplayName("a login is recorded; a second login replaces the session and returns the one it replaced")
    void presenceJoinReplaces() {
        PresenceEntry first = new PresenceEntry("100", "alice", "n1", "s1");
        assertNull(await(stores.presence().join(first)));
        assertEquals(first, await(stores.presence().get("100")));
        assertEquals(1L, await(stores.presence().count()));
        PresenceEntry second = new PresenceEntry("100", "alice", "n2", "s2");
        assertEquals(first, await(stores.presence().join(second)));
        assertEquals(second, await(stores.presence().get("100")));
        assertEquals(1L, await(stores.presence().count()), "one session per user");
        assertNull(await(stores.presence().get("101")));
    }

    @Test
    @DisplayName("leave removes a user only with their current session")
    void presenceLeave() {
        PresenceEntry old = new PresenceEntry("100", "alice", "n1", "s1");
        PresenceEntry current = new PresenceEntry("100", "alice", "n2", "s2");
        await(stores.presence().join(old));
        await(stores.presence().join(current));
        assertNull(await(stores.presence().leave("100", "s1")), "a replaced session's goodbye changes nothing");
        assertEquals(current, await(stores.presence().get("100")));
        assertEquals(current, await(stores.presence().leave("100", "s2")));
        assertNull(await(stores.presence().get("100")));
        assertEquals(0L, await(stores.presence().count()));
        assertNull(await(stores.presence().leave("100", "s2")), "leaving twice is harmless");
        assertNull(await(stores.presence().leave("nobody", "s9")));
    }

    @Test
    @DisplayName("rejoin puts a missing session back and refreshes a listed one, but never a replaced one, even after its successor left")
    void presenceRejoin() {
        PresenceStore p = stores.presence();
        PresenceEntry lost = new PresenceEntry("100", "alice", "n1", "s1");
        assertEquals(PresenceStore.Rejoin.ADDED, await(p.rejoin(lost)), "listed nowhere, never replaced");
        assertEquals(lost, await(p.get("100")));
        assertEquals(List.of(lost), await(p.entriesOf("n1")));
        PresenceEntry awayNow = lost.withAway("lunch");
        assertEquals(PresenceStore.Rejoin.REFRESHED, await(p.rejoin(awayNow)));
        assertEquals(awayNow, await(p.get("100")));
        assertEquals(1L, await(p.count()));

        PresenceEntry newer = new PresenceEntry("100", "alice", "n2", "s2");
        assertEquals(awayNow, await(p.join(newer)), "a takeover");
        assertEquals(PresenceStore.Rejoin.REPLACED, await(p.rejoin(lost)), "while the newer session is listed");
        assertEquals(newer, await(p.get("100")));
        assertEquals(newer, await(p.leave("100", "s2")));
        assertEquals(PresenceStore.Rejoin.REPLACED, await(p.rejoin(lost)), "and after it left: the takeover is remembered");
        assertNull(await(p.get("100")));
        assertEquals(List.of(), await(p.entriesOf("n1")));
        assertEquals(0L, await(p.count()));

        PresenceEntry again = new PresenceEntry("100", "alice", "n2", "s2");
        assertEquals(PresenceStore.Rejoin.ADDED, await(p.rejoin(again)), "the successor itself is no replaced session");
        assertEquals(List.of(again), await(p.entriesOf("n2")));
        PresenceEntry bob = new PresenceEntry("101", "bob", "n1", "s1b");
        await(p.join(bob));
        assertEquals(PresenceStore.Rejoin.REFRESHED, await(p.rejoin(bob)), "joining again with the same session replaces nothing");
    }

    @Test
    @DisplayName("an away message is kept with the current session only, survives listing, and goes with the session")
    void presenceAway() {
        PresenceEntry old = new PresenceEntry("100", "alice", "n1", "s1");
        PresenceEntry current = new PresenceEntry("100", "alice", "n2", "s2");
        await(stores.presence().join(old));
        await(stores.presence().join(current));
        assertNull(await(stores.presence().setAway("100", "s1", "lunch")), "a replaced session cannot set it");
        assertNull(await(stores.presence().get("100")).away());
        assertNull(await(stores.presence().setAway("nobody", "s9", "lunch")), "nor can someone offline");
        assertNull(await(stores.presence().get("nobody")), "and they stay offline");

        String text = "at lunch: back at 2 \"sharp\" / café ☕ 😀";
        PresenceEntry away = current.withAway(text);
        assertEquals(current, await(stores.presence().setAway("100", "s2", text)), "returns the entry it replaced");
        assertEquals(away, await(stores.presence().get("100")));
        assertEquals(List.of(away), await(stores.presence().list(10)));
        assertEquals(List.of(away), await(stores.presence().entriesOf("n2")));
        assertEquals(away, await(stores.presence().setAway("100", "s2", null)), "back");
        assertEquals(current, await(stores.presence().get("100")));
        assertEquals(current, await(stores.presence().setAway("100", "s2", null)), "back twice: nothing changed");

        await(stores.presence().setAway("100", "s2", "gone"));
        assertEquals(current.withAway("gone"), await(stores.presence().leave("100", "s2")));
        PresenceEntry next = new PresenceEntry("100", "alice", "n1", "s3");
        assertNull(await(stores.presence().join(next)));
        assertNull(await(stores.presence().get("100")).away(), "a new login starts here, not away");
        await(stores.presence().setAway("100", "s3", "again"));
        assertEquals(List.of(next.withAway("again")), await(stores.presence().removeNode("n1")));
    }

    @Test
    @DisplayName("removeNode removes exactly the users that node still holds, and returns them")
    void presenceRemoveNode() {
        PresenceEntry a = new PresenceEntry("a", "A", "n1", "sa");
        PresenceEntry b = new PresenceEntry("b", "B", "n1", "sb");
        PresenceEntry c = new PresenceEntry("c", "C", "n2", "sc");
        PresenceEntry bMoved = new PresenceEntry("b", "B", "n2", "sb2");
        PresenceEntry d = new PresenceEntry("d", "D", "n1", "sd");
        for (PresenceEntry e : List.of(a, b, c, d)) await(stores.presence().join(e));
        await(stores.presence().join(bMoved));
        await(stores.presence().leave("d", "sd"));
        assertEquals(Set.of(a), Set.copyOf(await(stores.presence().removeNode("n1"))));
        assertNull(await(stores.presence().get("a")));
        assertEquals(bMoved, await(stores.presence().get("b")), "a user who moved to another node stays");
        assertEquals(c, await(stores.presence().get("c")));
        assertEquals(2L, await(stores.presence().count()));
        assertEquals(List.of(), await(stores.presence().removeNode("n1")), "nothing left on n1");
        assertEquals(List.of(), await(stores.presence().removeNode("n9")), "an unknown node holds nobody");
        PresenceEntry aBack = new PresenceEntry("a", "A", "n1", "sa2");
        assertNull(await(stores.presence().join(aBack)), "a node's users can come back after removeNode");
        assertEquals(Set.of(bMoved, c), Set.copyOf(await(stores.presence().removeNode("n2"))));
        assertEquals(List.of(aBack), await(stores.presence().list(10)));
    }

    @Test
    @DisplayName("list returns at most max distinct online users")
    void presenceList() {
        Set<PresenceEntry> online = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            PresenceEntry e = new PresenceEntry("u" + i, "user " + i, "n" + (i % 2), "s" + i);
            online.add(e);
            await(stores.presence().join(e));
        }
        assertEquals(online, Set.copyOf(await(stores.presence().list(100))));
        List<PresenceEntry> some = await(stores.presence().list(3));
        assertEquals(3, some.size());
        assertEquals(3, Set.copyOf(some).size(), "distinct");
        assertTrue(online.containsAll(some));
        assertEquals(List.of(), await(stores.presence().list(0)));
        assertEquals(7L, await(stores.presence().count()));
    }

    @Test
    @DisplayName("leaveCounting removes only the current session and counts who stay")
    void presenceLeaveCounting() {
        PresenceEntry a = new PresenceEntry("a", "A", "n1", "sa");
        await(stores.presence().join(a));
        await(stores.presence().join(new PresenceEntry("b", "B", "n2", "sb")));
        PresenceStore.Left stale = await(stores.presence().leaveCounting("a", "old-session"));
        assertNull(stale.entry(), "not a's current session: nothing removed");
        assertEquals(2L, stale.onlineAfter());
        PresenceStore.Left left = await(stores.presence().leaveCounting("a", "sa"));
        assertEquals(a, left.entry());
        assertEquals(1L, left.onlineAfter());
        assertNull(await(stores.presence().get("a")));
        assertEquals(0L, await(stores.presence().leaveCounting("b", "sb")).onlineAfter());
    }

    @Test
    @DisplayName("online counts everyone and lists at most max distinct users, across several scan pages")
    void presenceOnline() {
        Set<PresenceEntry> everyone = new HashSet<>();
        // More than one HSCAN page (500) and a hash too big for Redis's compact encoding (scans then come in pages).
        for (int i = 0; i < 700; i++) {
            PresenceEntry e = new PresenceEntry("u" + i, "user " + i, "n" + (i % 2), "s" + i);
            everyone.add(e);
            await(stores.presence().join(e));
        }
        PresenceStore.Online most = await(stores.presence().online(650));
        assertEquals(700L, most.count());
        assertEquals(650, Set.copyOf(most.entries()).size(), "distinct");
        assertTrue(everyone.containsAll(most.entries()));
        assertEquals(everyone, Set.copyOf(await(stores.presence().online(1000)).entries()));
        PresenceStore.Online few = await(stores.presence().online(3));
        assertEquals(3, Set.copyOf(few.entries()).size());
        assertEquals(700L, few.count());
        PresenceStore.Online none = await(stores.presence().online(0));
        assertEquals(List.of(), none.entries());
        assertEquals(700L, none.count());
    }

    @Test
    @DisplayName("20 concurrent logins of one user form one chain: each replaced session is returned exactly once")
    void presenceConcurrentJoins() {
        List<Future<PresenceEntry>> joins = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            joins.add(stores.presence().join(new PresenceEntry("100", "alice", "n" + (i % 3), "s" + i)));
        }
        awaitAll(joins);
        assertEquals(1, joins.stream().filter(f -> f.result() == null).count(), "exactly one found nobody");
        List<String> replaced = joins.stream().filter(f -> f.result() != null).map(f -> f.result().session()).toList();
        String last = await(stores.presence().get("100")).session();
        Set<String> all = new HashSet<>(replaced);
        all.add(last);
        assertEquals(CONCURRENT, all.size(), "no session replaced twice, the survivor never replaced");
        assertEquals(1L, await(stores.presence().count()));
        PresenceEntry removed = await(stores.presence().leave("100", last));
        assertNotNull(removed);
        List<PresenceEntry> leftovers = new ArrayList<>();
        for (int n = 0; n < 3; n++) leftovers.addAll(await(stores.presence().removeNode("n" + n)));
        assertEquals(List.of(), leftovers, "no node still holds the user");
    }

    // ---- rooms (issue 14)

    static final String LOBBY = StoreSet.DEFAULT_ROOM;

    static Room room(String name) {
        return Room.created(name, name.toUpperCase(java.util.Locale.ROOT), "owner", 1_700_000_000_000L);
    }

    RoomStore rooms() {
        return stores.roomStore();
    }

    @Test
    @DisplayName("a room is created once with every field kept; a second create of the name is refused and changes nothing")
    void roomCreateAndGet() {
        assertNull(await(rooms().get("#dev")));
        Room full = new Room("#dev", "#Dev", "talk", "200", 5L, "100", Set.of("300"), Set.of("400"), Set.of("500"), true, 9L);
        assertTrue(await(rooms().create(full, 10)));
        assertEquals(full, await(rooms().get("#dev")));
        assertFalse(await(rooms().create(room("#dev"), 10)), "the name is taken");
        assertEquals(full, await(rooms().get("#dev")), "the first room stands");
        Room bare = Room.created("#ops", "#Ops", null, 3L);
        assertTrue(await(rooms().create(bare, 10)));
        assertEquals(bare, await(rooms().get("#ops")), "null owner and topic author read back as null");
        assertEquals(2L, await(rooms().roomCount()));
    }

    @Test
    @DisplayName("create refuses a new room once maxRooms exist, and 20 concurrent creates under a cap of 5 make exactly 5")
    void roomCreateCap() {
        assertTrue(await(rooms().create(room("#a"), 2)));
        assertTrue(await(rooms().create(room("#b"), 2)));
        assertFalse(await(rooms().create(room("#c"), 2)), "two exist");
        assertNull(await(rooms().get("#c")));
        List<Future<Boolean>> creates = concurrently(CONCURRENT, i -> rooms().create(room("#r" + i), 7));
        awaitAll(creates);
        assertEquals(5, creates.stream().filter(Future::result).count());
        assertEquals(7L, await(rooms().roomCount()));
    }

    @Test
    @DisplayName("join needs the room; a second join is ALREADY_MEMBER and changes nothing")
    void roomJoinIdempotent() {
        assertEquals(RoomStore.JoinOutcome.NO_SUCH_ROOM, await(rooms().join("#dev", "100", 10)));
        assertFalse(await(rooms().isMember("#dev", "100")));
        assertEquals(List.of(), await(rooms().roomsOf("100")), "a refused join leaves no trace");
        assertTrue(await(rooms().create(room("#dev"), 10)));
        assertEquals(RoomStore.JoinOutcome.JOINED, await(rooms().join("#dev", "100", 10)));
        assertEquals(RoomStore.JoinOutcome.ALREADY_MEMBER, await(rooms().join("#dev", "100", 10)));
        assertTrue(await(rooms().isMember("#dev", "100")));
        assertFalse(await(rooms().isMember("#dev", "200")));
        assertEquals(1L, await(rooms().memberCount("#dev")));
        assertEquals(List.of("#dev"), await(rooms().roomsOf("100")));
    }

    @Test
    @DisplayName("a user in maxRoomsPerUser rooms gets TOO_MANY_ROOMS (but ALREADY_MEMBER for their own), until they part one")
    void roomPerUserCap() {
        for (String r : List.of("#a", "#b", "#c")) assertTrue(await(rooms().create(room(r), 10)));
        assertEquals(RoomStore.JoinOutcome.JOINED, await(rooms().join("#a", "100", 2)));
        assertEquals(RoomStore.JoinOutcome.JOINED, await(rooms().join("#b", "100", 2)));
        assertEquals(RoomStore.JoinOutcome.TOO_MANY_ROOMS, await(rooms().join("#c", "100", 2)));
        assertFalse(await(rooms().isMember("#c", "100")));
        assertEquals(RoomStore.JoinOutcome.ALREADY_MEMBER, await(rooms().join("#a", "100", 2)));
        assertEquals(RoomStore.JoinOutcome.JOINED, await(rooms().join("#c", "200", 2)), "the cap is per user");
        assertTrue(await(rooms().part("#a", "100", false)));
        assertEquals(RoomStore.JoinOutcome.JOINED, await(rooms().join("#c", "100", 2)));
        assertEquals(List.of("#b", "#c"), await(rooms().roomsOf("100")));
    }

    @Test
    @DisplayName("20 concurrent joins of one user to 20 rooms under a cap of 5 make exactly 5 memberships (10 users in turn)")
    void roomConcurrentJoinsRespectCap() {
        for (int i = 0; i < CONCURRENT; i++) assertTrue(await(rooms().create(room("#r" + i), 100)));
        for (int u = 0; u < 10; u++) {
            String user = "u" + u;
            List<Future<RoomStore.JoinOutcome>> joins = concurrently(CONCURRENT, i -> rooms().join("#r" + i, user, 5));
            awaitAll(joins);
            assertEquals(5, joins.stream().filter(f -> f.result() == RoomStore.JoinOutcome.JOINED).count(), user);
            assertEquals(CONCURRENT - 5, joins.stream().filter(f -> f.result() == RoomStore.JoinOutcome.TOO_MANY_ROOMS).count());
            assertEquals(5, await(rooms().roomsOf(user)).size());
        }
        long memberships = 0;
        for (int i = 0; i < CONCURRENT; i++) memberships += await(rooms().memberCount("#r" + i));
        assertEquals(50, memberships, "both directions agree");
    }

    @Test
    @DisplayName("20 concurrent joins of 20 users to one room are all kept")
    void roomConcurrentJoinsOfOneRoom() {
        assertTrue(await(rooms().create(room("#dev"), 10)));
        List<Future<RoomStore.JoinOutcome>> joins = concurrently(CONCURRENT, i -> rooms().join("#dev", "u" + i, 5));
        awaitAll(joins);
        assertEquals((long) CONCURRENT, await(rooms().memberCount("#dev")));
        assertEquals(CONCURRENT, await(rooms().members("#dev", null, 100)).size());
    }

    @Test
    @DisplayName("members and rooms are paged by name: after is exclusive, limit bounds the page, pages are sorted")
    void roomPaging() {
        assertTrue(await(rooms().create(room("#dev"), 10)));
        List<String> users = List.of("u5", "u1", "u7", "u3", "u2", "u6", "u4");
        for (String u : users) await(rooms().join("#dev", u, 10));
        assertEquals(List.of("u1", "u2", "u3"), await(rooms().members("#dev", null, 3)));
        assertEquals(List.of("u4", "u5", "u6"), await(rooms().members("#dev", "u3", 3)));
        assertEquals(List.of("u7"), await(rooms().members("#dev", "u6", 3)));
        assertEquals(List.of(), await(rooms().members("#dev", "u7", 3)));
        assertEquals(List.of("u3", "u4"), await(rooms().members("#dev", "u25", 2)), "after need not be a member");
        assertEquals(List.of(), await(rooms().members("#dev", null, 0)));
        assertEquals(List.of(), await(rooms().members("#nowhere", null, 10)));
        assertEquals(7L, await(rooms().memberCount("#dev")));
        assertEquals(0L, await(rooms().memberCount("#nowhere")));

        for (String r : List.of("#e", "#b", "#d", "#a", "#c")) assertTrue(await(rooms().create(room(r), 10)));
        assertEquals(List.of("#a", "#b"), await(rooms().list(null, 2)).stream().map(Room::name).toList());
        assertEquals(List.of("#c", "#d", "#dev"), await(rooms().list("#b", 3)).stream().map(Room::name).toList());
        assertEquals(List.of("#e"), await(rooms().list("#dev", 3)).stream().map(Room::name).toList());
        assertEquals(room("#c"), await(rooms().list("#b", 1)).get(0), "list gives whole rooms");
        assertEquals(List.of(), await(rooms().list(null, 0)));
        assertEquals(6L, await(rooms().roomCount()));

        for (String r : List.of("#e", "#a", "#c")) await(rooms().join(r, "u1", 10));
        assertEquals(List.of("#a", "#c", "#dev", "#e"), await(rooms().roomsOf("u1")));
    }

    @Test
    @DisplayName("the last member's part deletes the room with its operators, bans and invitations; without deleteIfEmpty it stays")
    void roomPartDeletesEmptied() {
        assertTrue(await(rooms().create(room("#dev"), 10)));
        await(rooms().join("#dev", "100", 10));
        await(rooms().join("#dev", "200", 10));
        await(rooms().setOperator("#dev", "100", true));
        await(rooms().setBanned("#dev", "300", true));
        await(rooms().invite("#dev", "400"));
        assertFalse(await(rooms().part("#dev", "999", true)), "not a member");
        assertTrue(await(rooms().part("#dev", "100", true)));
        assertNotNull(await(rooms().get("#dev")), "one member left");
        assertTrue(await(rooms().part("#dev", "200", true)));
        assertNull(await(rooms().get("#dev")));
        assertEquals(0L, await(rooms().roomCount()));
        assertEquals(List.of(), await(rooms().roomsOf("200")));
        assertEquals(RoomStore.JoinOutcome.NO_SUCH_ROOM, await(rooms().join("#dev", "100", 10)));
        assertTrue(await(rooms().create(room("#dev"), 10)), "the name is free again");
        assertEquals(room("#dev"), await(rooms().get("#dev")), "no operators, bans or invitations survive");

        await(rooms().join("#dev", "100", 10));
        assertTrue(await(rooms().part("#dev", "100", false)));
        assertEquals(room("#dev"), await(rooms().get("#dev")), "kept empty when asked");
        assertFalse(await(rooms().part("#dev", "100", true)), "a non-member's part deletes nothing");
        assertNotNull(await(rooms().get("#dev")));
    }

    @Test
    @DisplayName("the default room is never deleted by its last member's part")
    void roomDefaultNeverDeleted() {
        assertTrue(await(rooms().create(Room.created(LOBBY, LOBBY, null, 1L), 10)));
        await(rooms().join(LOBBY, "100", 10));
        assertTrue(await(rooms().part(LOBBY, "100", true)));
        assertNotNull(await(rooms().get(LOBBY)));
        await(rooms().join(LOBBY, "100", 10));
        assertEquals(List.of(LOBBY), await(rooms().removeUser("100", true)));
        assertNotNull(await(rooms().get(LOBBY)));
    }

    @Test
    @DisplayName("the per-user cap does not count the default room, and never refuses it")
    void roomPerUserCapIgnoresDefault() {
        for (String r : List.of(LOBBY, "#a", "#b")) assertTrue(await(rooms().create(room(r), 10)));
        assertEquals(RoomStore.JoinOutcome.JOINED, await(rooms().join("#a", "100", 1)));
        assertEquals(RoomStore.JoinOutcome.JOINED, await(rooms().join(LOBBY, "100", 1)), "not refused at the cap");
        assertEquals(RoomStore.JoinOutcome.TOO_MANY_ROOMS, await(rooms().join("#b", "100", 1)));
        assertTrue(await(rooms().part("#a", "100", false)));
        assertEquals(RoomStore.JoinOutcome.JOINED, await(rooms().join("#b", "100", 1)), "the default room left room for one");
        assertEquals(List.of("#b", LOBBY), await(rooms().roomsOf("100")));
    }

    @Test
    @DisplayName("a part racing a join: never a member of a deleted room, never a room deleted under a member (50 rounds)")
    void roomConcurrentLastPartAndJoin() {
        for (int round = 0; round < 50; round++) {
            String r = "#race" + round;
            assertTrue(await(rooms().create(room(r), 1000)));
            assertEquals(RoomStore.JoinOutcome.JOINED, await(rooms().join(r, "100", 100)));
            List<Future<Object>> both = concurrently(2, i -> i == 0 ? rooms().part(r, "100", true).map(x -> x)
                    : rooms().join(r, "200", 100).map(x -> x));
            Future<Object> part = both.get(0);
            Future<Object> join = both.get(1);
            awaitAll(List.of(part, join));
            assertEquals(true, part.result());
            boolean exists = await(rooms().get(r)) != null;
            boolean member = await(rooms().isMember(r, "200"));
            assertEquals(exists, member, "round " + round + ": exists=" + exists + " member=" + member);
            assertEquals(member, await(rooms().roomsOf("200")).contains(r));
            assertEquals(member ? RoomStore.JoinOutcome.JOINED : RoomStore.JoinOutcome.NO_SUCH_ROOM, join.result());
        }
    }

    @Test
    @DisplayName("topic, invite-only and operators change an existing room only; a late change never brings back a deleted one")
    void roomSettings() {
        assertTrue(await(rooms().create(room("#dev"), 10)));
        await(rooms().setTopic("#dev", "hello", "100", 42L));
        await(rooms().setInviteOnly("#dev", true));
        assertTrue(await(rooms().setOperator("#dev", "200", true)));
        assertFalse(await(rooms().setOperator("#dev", "200", true)), "already one");
        Room r = await(rooms().get("#dev"));
        assertEquals("hello", r.topic());
        assertEquals("100", r.topicBy());
        assertEquals(42L, r.topicTs());
        assertTrue(r.inviteOnly());
        assertEquals(Set.of("200"), r.operators());
        assertTrue(r.isOperator("200") && r.isOperator("owner") && !r.isOperator("300"));
        assertTrue(await(rooms().setOperator("#dev", "200", false)));
        assertFalse(await(rooms().setOperator("#dev", "200", false)));
        await(rooms().setInviteOnly("#dev", false));
        assertFalse(await(rooms().get("#dev")).inviteOnly());

        await(rooms().setTopic("#gone", "x", "100", 1L));
        await(rooms().setInviteOnly("#gone", true));
        assertFalse(await(rooms().setOperator("#gone", "100", true)));
        assertFalse(await(rooms().setBanned("#gone", "100", true)));
        await(rooms().invite("#gone", "100"));
        assertNull(await(rooms().get("#gone")));
        assertEquals(1L, await(rooms().roomCount()));
        assertEquals(RoomStore.JoinOutcome.NO_SUCH_ROOM, await(rooms().join("#gone", "100", 10)));
    }

    @Test
    @DisplayName("a ban removes the member in the same step and withdraws an invitation; unban lifts it; each says whether it changed")
    void roomBan() {
        assertTrue(await(rooms().create(room("#dev"), 10)));
        await(rooms().join("#dev", "100", 10));
        await(rooms().join("#dev", "200", 10));
        assertTrue(await(rooms().setBanned("#dev", "100", true)));
        assertFalse(await(rooms().isMember("#dev", "100")));
        assertEquals(List.of(), await(rooms().roomsOf("100")));
        assertEquals(List.of("200"), await(rooms().members("#dev", null, 10)));
        assertEquals(1L, await(rooms().memberCount("#dev")));
        assertEquals(Set.of("100"), await(rooms().get("#dev")).banned());
        assertFalse(await(rooms().setBanned("#dev", "100", true)), "already banned and gone");
        await(rooms().invite("#dev", "300"));
        assertTrue(await(rooms().setBanned("#dev", "300", true)));
        assertEquals(Set.of(), await(rooms().get("#dev")).invited());
        assertTrue(await(rooms().setBanned("#dev", "100", false)));
        assertFalse(await(rooms().setBanned("#dev", "100", false)));
        assertEquals(Set.of("300"), await(rooms().get("#dev")).banned());
        assertEquals(RoomStore.JoinOutcome.JOINED, await(rooms().join("#dev", "100", 10)), "policy is the service's; the store lets them in");
    }

    @Test
    @DisplayName("an invitation is kept until used: joining uses it up, useInvitation forgets it once")
    void roomInvitations() {
        assertTrue(await(rooms().create(room("#dev"), 10)));
        await(rooms().invite("#dev", "100"));
        await(rooms().invite("#dev", "200"));
        assertEquals(Set.of("100", "200"), await(rooms().get("#dev")).invited());
        assertEquals(RoomStore.JoinOutcome.JOINED, await(rooms().join("#dev", "100", 10)));
        assertEquals(Set.of("200"), await(rooms().get("#dev")).invited(), "used up by joining");
        assertTrue(await(rooms().useInvitation("#dev", "200")));
        assertFalse(await(rooms().useInvitation("#dev", "200")));
        assertFalse(await(rooms().useInvitation("#nowhere", "200")));
        assertEquals(Set.of(), await(rooms().get("#dev")).invited());
    }

    @Test
    @DisplayName("removeUser leaves every room, deletes the ones it empties when asked, and keeps everyone else's")
    void roomRemoveUser() {
        for (String r : List.of("#a", "#b", "#c")) assertTrue(await(rooms().create(room(r), 10)));
        for (String r : List.of("#a", "#b", "#c")) await(rooms().join(r, "100", 10));
        await(rooms().join("#b", "200", 10));
        assertEquals(List.of("#a", "#b", "#c"), await(rooms().removeUser("100", true)));
        assertEquals(List.of(), await(rooms().roomsOf("100")));
        assertNull(await(rooms().get("#a")));
        assertNull(await(rooms().get("#c")));
        assertNotNull(await(rooms().get("#b")));
        assertEquals(List.of("200"), await(rooms().members("#b", null, 10)));
        assertEquals(1L, await(rooms().roomCount()));
        assertEquals(List.of("#b"), await(rooms().removeUser("200", false)));
        assertNotNull(await(rooms().get("#b")), "kept when not asked to delete");
        assertEquals(0L, await(rooms().memberCount("#b")));
        assertEquals(List.of(), await(rooms().removeUser("nobody", true)));
    }

    // ---- room history

    private long appendRoom(String room, int count, long ts) {
        long base = -1;
        for (int i = 1; i <= count; i++) {
            StoredMessage stored = await(stores.roomHistory().append(room, group(room + "-" + i, ts + i)));
            if (base < 0) base = stored.seq() - 1;
            assertEquals(base + i, stored.seq(), "seqs increase by one per append");
        }
        return base;
    }

    @Test
    @DisplayName("each room has its own sequence, head and log; since replays what followed a position")
    void roomHistoryPerRoom() {
        assertEquals(0L, await(stores.roomHistory().head("#dev")));
        assertEquals(new HistorySlice(List.of(), 0, 0), await(stores.roomHistory().since("#dev", 0, 10, 0)));
        long dev = appendRoom("#dev", 3, 1000);
        long ops = appendRoom("#ops", 2, 2000);
        assertEquals(dev + 3, await(stores.roomHistory().head("#dev")));
        assertEquals(ops + 2, await(stores.roomHistory().head("#ops")));
        HistorySlice slice = await(stores.roomHistory().since("#dev", dev + 1, 10, 0));
        assertEquals(List.of("#dev-2", "#dev-3"), ids(slice.messages()));
        assertEquals(new StoredMessage("#dev-2", "alice", "Alice", null, "text #dev-2", 1002L, dev + 2), slice.messages().get(0));
        assertEquals(0, slice.skipped());
        assertEquals(List.of("#ops-1", "#ops-2"), ids(await(stores.roomHistory().since("#ops", ops, 10, 0)).messages()));
        assertEquals(0L, await(stores.groupHistory().head()), "the group log is untouched by other rooms");
        HistorySlice newest = await(stores.roomHistory().since("#dev", dev, 2, 1002));
        assertEquals(List.of("#dev-2", "#dev-3"), ids(newest.messages()));
        assertEquals(1, newest.skipped(), "too old counts as skipped");
    }

    @Test
    @DisplayName("a room's history keeps the newest history.maxMessages and pages backwards with before, oldest first")
    void roomHistoryBoundedAndPaged() {
        long b = appendRoom("#dev", HISTORY_MAX + 3, 0);
        HistorySlice all = await(stores.roomHistory().since("#dev", b, 100, 0));
        assertEquals(LongStream.rangeClosed(4, HISTORY_MAX + 3).boxed().toList(), relative(all.messages(), b));
        assertEquals(3, all.skipped());
        HistorySlice newest = await(stores.roomHistory().before("#dev", Long.MAX_VALUE, 2));
        assertEquals(List.of((long) HISTORY_MAX + 2, (long) HISTORY_MAX + 3), relative(newest.messages(), b));
        assertEquals(HISTORY_MAX - 2, newest.skipped(), "older ones still kept");
        assertEquals(b + HISTORY_MAX + 3, newest.head());
        HistorySlice older = await(stores.roomHistory().before("#dev", newest.messages().get(0).seq(), 2));
        assertEquals(List.of((long) HISTORY_MAX, (long) HISTORY_MAX + 1), relative(older.messages(), b));
        HistorySlice oldest = await(stores.roomHistory().before("#dev", older.messages().get(0).seq(), 10));
        assertEquals(List.of(4L), relative(oldest.messages(), b), "stops at the oldest kept");
        assertEquals(0, oldest.skipped());
        assertEquals(List.of(), await(stores.roomHistory().before("#dev", b + 4, 10)).messages());
        assertEquals(List.of(), await(stores.roomHistory().before("#dev", Long.MAX_VALUE, 0)).messages());
        assertEquals(List.of(), await(stores.roomHistory().before("#nowhere", Long.MAX_VALUE, 10)).messages());
    }

    @Test
    @DisplayName("drop forgets a room's log; the room made again later never reuses a seq")
    void roomHistoryDrop() {
        long b = appendRoom("#dev", 3, 1_700_000_000_000L);
        appendRoom("#ops", 1, 1_700_000_000_000L);
        await(stores.roomHistory().drop("#dev"));
        assertEquals(0L, await(stores.roomHistory().head("#dev")));
        assertEquals(List.of(), await(stores.roomHistory().since("#dev", 0, 10, 0)).messages());
        assertEquals(List.of(), await(stores.roomHistory().before("#dev", Long.MAX_VALUE, 10)).messages());
        assertEquals(1, await(stores.roomHistory().since("#ops", 0, 10, 0)).messages().size(), "other rooms untouched");
        long again = await(stores.roomHistory().append("#dev", group("new", 1_700_000_000_100L))).seq();
        assertTrue(again > b + 3, "seq " + again + " after " + (b + 3));
    }

    @Test
    @DisplayName("20 concurrent appends to one room get distinct, contiguous seqs in log order")
    void roomHistoryConcurrentAppends() {
        List<Future<StoredMessage>> appends = concurrently(CONCURRENT, i -> stores.roomHistory().append("#dev", group("g" + i, i)));
        awaitAll(appends);
        Set<Long> seqs = appends.stream().map(f -> f.result().seq()).collect(Collectors.toSet());
        long b = seqs.stream().mapToLong(Long::longValue).min().orElseThrow() - 1;
        assertEquals(LongStream.rangeClosed(b + 1, b + CONCURRENT).boxed().collect(Collectors.toSet()), seqs);
        assertEquals(LongStream.rangeClosed(CONCURRENT - HISTORY_MAX + 1, CONCURRENT).boxed().toList(),
                relative(await(stores.roomHistory().since("#dev", b, 100, 0)).messages(), b));
    }

    @Test
    @DisplayName("the default room's history is the group history: either view sees the other's appends; it is never dropped")
    void roomHistoryDefaultIsGroup() {
        long first = await(stores.groupHistory().append(group("old", 1))).seq();
        StoredMessage viaRoom = await(stores.roomHistory().append(LOBBY, group("new", 2)));
        assertEquals(first + 1, viaRoom.seq());
        assertEquals(viaRoom.seq(), await(stores.groupHistory().head()));
        assertEquals(viaRoom.seq(), await(stores.roomHistory().head(LOBBY)));
        assertEquals(List.of("old", "new"), ids(await(stores.roomHistory().since(LOBBY, first - 1, 10, 0)).messages()));
        assertEquals(List.of("old", "new"), ids(await(stores.groupHistory().since(first - 1, 10, 0)).messages()));
        assertEquals(List.of("old"), ids(await(stores.roomHistory().before(LOBBY, viaRoom.seq(), 10)).messages()));
        assertEquals(List.of("old", "new"), ids(await(stores.groupHistory().before(Long.MAX_VALUE, 10)).messages()));
        assertEquals(0L, await(stores.roomHistory().head("#dev")), "other rooms do not see it");
        assertTrue(stores.roomHistory().drop(LOBBY).toCompletionStage().toCompletableFuture().isCompletedExceptionally());
        assertEquals(viaRoom.seq(), await(stores.groupHistory().head()));
    }

    // ---- saying in a room (the member check and the append in one step)

    @Test
    @DisplayName("say: a member's message is appended with the room's next seq and comes back with the display name; "
            + "a non-member gets NOT_IN_ROOM, an unknown room NO_SUCH_ROOM, and neither writes anything")
    void roomSpeech() {
        assertTrue(await(rooms().create(room("#dev"), 10)));
        await(rooms().join("#dev", "100", 10));
        long before = appendRoom("#dev", 1, 1000) + 1;

        RoomSpeech.Said said = await(stores.roomSpeech().say("#dev", "100", group("s1", 2000)));
        assertEquals(RoomSpeech.Outcome.SAID, said.outcome());
        assertEquals("#DEV", said.display());
        assertEquals(new StoredMessage("s1", "alice", "Alice", null, "text s1", 2000L, before + 1), said.message());
        assertEquals(List.of("#dev-1", "s1"), ids(await(stores.roomHistory().since("#dev", 0, 10, 0)).messages()));

        assertEquals(RoomSpeech.Said.refused(RoomSpeech.Outcome.NOT_IN_ROOM), await(stores.roomSpeech().say("#dev", "200", group("s2", 2001))));
        assertEquals(RoomSpeech.Said.refused(RoomSpeech.Outcome.NO_SUCH_ROOM), await(stores.roomSpeech().say("#none", "100", group("s3", 2002))));
        assertEquals(before + 1, await(stores.roomHistory().head("#dev")), "refused says append nothing");
        assertEquals(0L, await(stores.roomHistory().head("#none")));
        assertNull(await(rooms().get("#none")), "nor create the room");

        assertTrue(await(rooms().part("#dev", "100", false)));
        assertEquals(RoomSpeech.Outcome.NOT_IN_ROOM, await(stores.roomSpeech().say("#dev", "100", group("s4", 2003))).outcome(), "parted");
        await(rooms().join("#dev", "100", 10));
        await(rooms().setBanned("#dev", "100", true));
        assertEquals(RoomSpeech.Outcome.NOT_IN_ROOM, await(stores.roomSpeech().say("#dev", "100", group("s5", 2004))).outcome(), "banned");
        await(rooms().join("#dev", "300", 10));
        assertTrue(await(rooms().part("#dev", "300", true)), "the last member left: the room is deleted");
        assertEquals(RoomSpeech.Outcome.NO_SUCH_ROOM, await(stores.roomSpeech().say("#dev", "300", group("s6", 2005))).outcome());
    }

    @Test
    @DisplayName("say in the default room (as a recorded member, rooms.autoJoinDefault off) appends to the group log")
    void roomSpeechDefaultIsGroup() {
        assertTrue(await(rooms().create(Room.created(LOBBY, "#Lobby", null, 1L), 10)));
        await(rooms().join(LOBBY, "100", 10));
        long first = await(stores.groupHistory().append(group("old", 1))).seq();
        RoomSpeech.Said said = await(stores.roomSpeech().say(LOBBY, "100", group("new", 2)));
        assertEquals(RoomSpeech.Said.said(group("new", 2).withSeq(first + 1), "#Lobby"), said);
        assertEquals(List.of("old", "new"), ids(await(stores.groupHistory().since(0, 10, 0)).messages()));
        assertEquals(RoomSpeech.Outcome.NOT_IN_ROOM, await(stores.roomSpeech().say(LOBBY, "200", group("x", 3))).outcome());
    }

    @Test
    @DisplayName("20 concurrent says of members of one room get distinct, contiguous seqs in log order")
    void roomSpeechConcurrent() {
        assertTrue(await(rooms().create(room("#dev"), 10)));
        for (int i = 0; i < CONCURRENT; i++) await(rooms().join("#dev", "u" + i, 10));
        List<Future<RoomSpeech.Said>> says = concurrently(CONCURRENT, i -> stores.roomSpeech().say("#dev", "u" + i, group("g" + i, i)));
        awaitAll(says);
        Set<Long> seqs = says.stream().map(f -> f.result().message().seq()).collect(Collectors.toSet());
        long b = seqs.stream().mapToLong(Long::longValue).min().orElseThrow() - 1;
        assertEquals(LongStream.rangeClosed(b + 1, b + CONCURRENT).boxed().collect(Collectors.toSet()), seqs);
        assertIncreasing(await(stores.roomHistory().since("#dev", b, 100, 0)).messages());
    }

    @Test
    @DisplayName("a kicked (parted) or banned user's says racing the removal: none is stored after it, none refused takes a seq (30 rounds of 20)")
    void roomSpeechRacingRemoval() {
        for (int round = 0; round < 30; round++) {
            String r = "#race" + round;
            assertTrue(await(rooms().create(room(r), 1000)));
            await(rooms().join(r, "100", 100));
            await(rooms().join(r, "200", 100));
            boolean ban = round % 2 == 0;
            // Call 0 removes user 100, then (once that completed) user 200 says "after": a marker in the log's order.
            List<Future<RoomSpeech.Said>> calls = concurrently(CONCURRENT + 1, i -> i > 0
                    ? stores.roomSpeech().say(r, "100", group("m" + i, i))
                    : (ban ? rooms().setBanned(r, "100", true) : rooms().part(r, "100", false))
                            .compose(x -> stores.roomSpeech().say(r, "200", group("after", 0))));
            awaitAll(calls);
            RoomSpeech.Said after = calls.get(0).result();
            assertEquals(RoomSpeech.Outcome.SAID, after.outcome());
            List<Long> seqs = new ArrayList<>(List.of(after.message().seq()));
            for (int i = 1; i <= CONCURRENT; i++) {
                RoomSpeech.Said s = calls.get(i).result();
                if (s.outcome() != RoomSpeech.Outcome.SAID) {
                    assertEquals(RoomSpeech.Outcome.NOT_IN_ROOM, s.outcome());
                    continue;
                }
                assertTrue(s.message().seq() < after.message().seq(), "round " + round + ": m" + i + " stored after the removal");
                seqs.add(s.message().seq());
            }
            Collections.sort(seqs);
            assertEquals(seqs.size() - 1, seqs.get(seqs.size() - 1) - seqs.get(0), "round " + round + ": a refused say took a seq: " + seqs);
            assertEquals(after.message().seq(), await(stores.roomHistory().head(r)), "round " + round + ": nothing after the marker");
        }
    }

    // ---- read positions

    @Test
    @DisplayName("read positions are per (user, room), start unknown, never move back, and are forgotten one or all")
    void readPositions() {
        ReadPositionStore p = stores.readPositions();
        assertNull(await(p.get("100", "#dev")));
        assertEquals(java.util.Map.of(), await(p.all("100")));
        await(p.advance("100", java.util.Map.of("#dev", 5L, "#ops", 7L, LOBBY, 3L)));
        await(p.advance("100", java.util.Map.of("#dev", 4L, "#ops", 9L)));
        await(p.advance("100", java.util.Map.of()));
        assertEquals(5L, await(p.get("100", "#dev")), "not backwards");
        assertEquals(9L, await(p.get("100", "#ops")));
        assertEquals(java.util.Map.of("#dev", 5L, "#ops", 9L, LOBBY, 3L), await(p.all("100")));
        assertNull(await(p.get("200", "#dev")), "per user");
        await(p.advance("200", java.util.Map.of("#dev", 1L)));
        await(p.forget("100", "#ops"));
        assertNull(await(p.get("100", "#ops")));
        assertEquals(java.util.Map.of("#dev", 5L, LOBBY, 3L), await(p.all("100")));
        await(p.forgetAll("100"));
        assertEquals(java.util.Map.of(), await(p.all("100")));
        assertNull(await(stores.lastSeen().get("100")), "the default room's position went too");
        assertEquals(1L, await(p.get("200", "#dev")), "another user's stay");
    }

    @Test
    @DisplayName("the default room's read position is the last-seen position, both ways")
    void readPositionDefaultIsLastSeen() {
        await(stores.lastSeen().advance("100", 8));
        assertEquals(8L, await(stores.readPositions().get("100", LOBBY)));
        assertEquals(java.util.Map.of(LOBBY, 8L), await(stores.readPositions().all("100")));
        await(stores.readPositions().advance("100", java.util.Map.of(LOBBY, 11L)));
        assertEquals(11L, await(stores.lastSeen().get("100")));
        await(stores.readPositions().advance("100", java.util.Map.of(LOBBY, 2L)));
        assertEquals(11L, await(stores.lastSeen().get("100")), "not backwards through the new view either");
        await(stores.readPositions().forget("100", LOBBY));
        assertNull(await(stores.lastSeen().get("100")));
    }

    @Test
    @DisplayName("concurrent advances of one user's positions in any order leave the highest of each room")
    void readPositionsConcurrent() {
        List<Long> positions = LongStream.rangeClosed(1, CONCURRENT).boxed().collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(positions, new Random(11));
        awaitAll(concurrently(CONCURRENT, i -> stores.readPositions().advance("100",
                java.util.Map.of("#dev", positions.get(i), "#ops", 100 - positions.get(i)))));
        assertEquals((long) CONCURRENT, await(stores.readPositions().get("100", "#dev")));
        assertEquals(99L, await(stores.readPositions().get("100", "#ops")));
    }

    // ---- helpers

    static StoredMessage mail(String id, String from, String to, String text, long ts) {
        return new StoredMessage(id, from, Character.toUpperCase(from.charAt(0)) + from.substring(1), to, text, ts, 0);
    }

    static StoredMessage group(String id, long ts) {
        return new StoredMessage(id, "alice", "Alice", null, "text " + id, ts, 0);
    }

    static List<String> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::id).toList();
    }

    static List<Long> seqs(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::seq).toList();
    }

    static void assertIncreasing(List<StoredMessage> messages) {
        for (int i = 1; i < messages.size(); i++) {
            assertTrue(messages.get(i - 1).seq() < messages.get(i).seq(), "seqs increase: " + seqs(messages));
        }
    }

    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("operation failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Starts {@code n} calls at once, each from its own thread: calls made from one thread share a Vert.x context,
     * and the embedded store runs one context's writes in order, which would hide a missing lock.
     */
    static <T> List<Future<T>> concurrently(int n, java.util.function.IntFunction<Future<T>> call) {
        List<java.util.concurrent.CompletableFuture<Future<T>>> started = new ArrayList<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < n; i++) {
            int k = i;
            java.util.concurrent.CompletableFuture<Future<T>> f = new java.util.concurrent.CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    f.complete(call.apply(k));
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            }, "contract-call-" + i);
            t.start();
            started.add(f);
        }
        go.countDown();
        return started.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    }

    static void awaitAll(List<? extends Future<?>> futures) {
        await(Future.all(futures));
    }

    /** Polls until true; the deadline is generous, the poll is quick, so the test takes as long as the store needs. */
    static void awaitCondition(Supplier<Boolean> condition, String what) {
        if (!Await.latest(condition::get, done -> done, Duration.ofSeconds(10), Duration.ofMillis(20))) {
            fail("timed out waiting: " + what);
        }
    }
}
