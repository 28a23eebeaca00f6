package dev.parley.store;

import dev.parley.store.redis.RedisStoreOptions;
import dev.parley.store.redis.RedisStores;
import dev.parley.store.PresenceEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract against Redis, plus what only a shared, remote store has: several nodes on one Redis, key
 * expiry, outages, authentication and TLS. One redis-server serves the class; each test has its own key prefix.
 */
class RedisStoreContractTest extends StoreContractTest {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static RedisServer server;

    private String prefix;

    @BeforeAll
    static void startRedis() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @Override
    Stores open(Vertx vertx) {
        prefix = "t" + PREFIXES.incrementAndGet() + ":";
        return await(RedisStores.connect(vertx, options()));
    }

    private RedisStoreOptions options() {
        return RedisStoreOptions.of(server.uri()).withKeyPrefix(prefix).withHistoryMaxMessages(HISTORY_MAX);
    }

    @Test
    @DisplayName("listing 201 of 1,000 online users (a login's listing, hashed, not a listpack) gives 201 distinct ones")
    void presenceListOfABigHash() {
        List<Future<PresenceEntry>> joins = new ArrayList<>();
        for (int i = 0; i < 1000; i++) joins.add(stores.presence().join(new PresenceEntry("b" + i, "big " + i, "n1", "s" + i)));
        awaitAll(joins);
        List<PresenceEntry> some = await(stores.presence().list(201));
        assertEquals(201, some.size());
        assertEquals(201, new java.util.HashSet<>(some).size(), "distinct");
        assertEquals(1000, await(stores.presence().list(5000)).size());
    }

    @Test
    @DisplayName("two nodes on one Redis share rate-limit counters: 61 attempts split over both admit exactly 5")
    void twoNodesShareCounters() {
        Stores other = await(RedisStores.connect(vertx, options()));
        try {
            List<Future<CounterStore.Admission>> attempts = new ArrayList<>();
            for (int i = 0; i < 61; i++) {
                attempts.add((i % 2 == 0 ? stores : other).counters()
                        .acquire(List.of(new CounterStore.Limit("login:ua:victim|10.0.0.66", 5, 60_000))));
            }
            awaitAll(attempts);
            assertEquals(5, attempts.stream().filter(f -> f.result().admitted()).count());
        } finally {
            await(other.close());
        }
    }

    @Test
    @DisplayName("a heartbeat says when the node had been forgotten by a survivor, so the node re-registers its sessions")
    void heartbeatTellsAForgottenNode() {
        NodeRegistry registry = ((RedisStores) stores).nodes();
        assertTrue(await(registry.heartbeat("nodeA", 60_000)), "first registration");
        assertFalse(await(registry.heartbeat("nodeA", 60_000)), "still registered");
        await(registry.forget("nodeA"));
        assertTrue(await(registry.heartbeat("nodeA", 60_000)), "declared dead and forgotten meanwhile");
        assertFalse(await(registry.heartbeat("nodeA", 60_000)), "registered again");
    }

    @Test
    @DisplayName("two nodes on one Redis share accounts, history seqs and presence")
    void twoNodes() {
        Stores other = await(RedisStores.connect(vertx, options()));
        try {
            List<Future<StoredMessage>> appends = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                appends.add((i % 2 == 0 ? stores : other).groupHistory().append(group("g" + i, i)));
            }
            awaitAll(appends);
            Set<Long> seqs = appends.stream().map(f -> f.result().seq()).collect(Collectors.toSet());
            long base = seqs.stream().mapToLong(Long::longValue).min().orElseThrow() - 1;
            assertEquals(LongStream.rangeClosed(base + 1, base + CONCURRENT).boxed().collect(Collectors.toSet()), seqs,
                    "distinct, contiguous");
            assertEquals(base + CONCURRENT, await(other.groupHistory().head()));

            assertTrue(await(stores.users().create(new UserRecord("100", "alice", "h", 1))));
            assertFalse(await(other.users().create(new UserRecord("100", "mallory", "h", 2))));
            assertEquals("alice", await(other.users().find("100")).name());

            PresenceEntry onA = new PresenceEntry("100", "alice", "nodeA", "s1");
            PresenceEntry onB = new PresenceEntry("100", "alice", "nodeB", "s2");
            await(stores.presence().join(onA));
            assertEquals(onA, await(other.presence().join(onB)), "a login on B replaces the session on A");
            assertEquals(List.of(), await(other.presence().removeNode("nodeA")), "A no longer holds alice");
            assertEquals(List.of(onB), await(stores.presence().removeNode("nodeB")), "B's death is cleaned up by A");
        } finally {
            await(other.close());
        }
    }

    @Test
    @DisplayName("a mailbox expires mailbox-TTL after its last append; seqs continue afterwards")
    void mailboxTtl() {
        Stores shortLived = await(RedisStores.connect(vertx, options().withMailboxTtl(Duration.ofMillis(300))));
        try {
            assertTrue(await(shortLived.mailbox().append("bob", mail("m1", "alice", "bob", "hi", 1), 10)));
            long firstSeq = await(shortLived.mailbox().peek("bob", 10)).get(0).seq();
            long ttl = raw(Command.PTTL, prefix + "mail:bob").toLong();
            assertTrue(ttl > 0 && ttl <= 300, "ttl set: " + ttl);
            long metaTtl = raw(Command.PTTL, prefix + "mail-meta:bob").toLong();
            assertTrue(metaTtl > 0 && metaTtl <= 300, "the quota counters expire with the mailbox: " + metaTtl);
            awaitCondition(() -> await(shortLived.mailbox().peek("bob", 10)).isEmpty(), "abandoned mailbox disappears");
            awaitCondition(() -> raw(Command.EXISTS, prefix + "mail-meta:bob").toLong() == 0, "and its counters");
            assertTrue(await(shortLived.mailbox().append("bob", mail("m2", "alice", "bob", "again", 2), 10)));
            assertTrue(await(shortLived.mailbox().peek("bob", 10)).get(0).seq() > firstSeq);
        } finally {
            await(shortLived.close());
        }
    }

    @Test
    @DisplayName("each append refreshes the mailbox TTL")
    void mailboxTtlRefreshed() {
        await(stores.mailbox().append("bob", mail("m1", "alice", "bob", "hi", 1), 10));
        raw(Command.PEXPIRE, prefix + "mail:bob", "5000");
        await(stores.mailbox().append("bob", mail("m2", "alice", "bob", "hi", 2), 10));
        long ttl = raw(Command.PTTL, prefix + "mail:bob").toLong();
        assertTrue(ttl > Duration.ofDays(29).toMillis(), "back to the full 30 days: " + ttl);
        raw(Command.PEXPIRE, prefix + "mail:bob", "5000");
        assertFalse(await(stores.mailbox().append("bob", mail("m3", "alice", "bob", "hi", 3), 2)), "full");
        assertTrue(raw(Command.PTTL, prefix + "mail:bob").toLong() <= 5000, "a refused append refreshes nothing");
    }

    @Test
    @DisplayName("a mailbox stored before the quota existed (no counters) gets its counters rebuilt from its messages")
    void mailboxCountersRebuilt() {
        MailboxQuota quota = new MailboxQuota(100, 1 << 20, 2);
        await(stores.mailbox().append("bob", mail("a1", "alice", "bob", "hi", 1), quota));
        await(stores.mailbox().append("bob", mail("a2", "alice", "bob", "hi", 2), quota));
        raw(Command.DEL, prefix + "mail-meta:bob");
        assertEquals(MailboxStore.Append.SENDER_CAP, await(stores.mailbox().append("bob", mail("a3", "alice", "bob", "hi", 3), quota)));
        long bytes = raw(Command.HGET, prefix + "mail-meta:bob", "bytes").toLong();
        assertEquals(2L * mail("a1", "alice", "bob", "hi", 1).sizeBytes(), bytes);
        await(stores.mailbox().remove("bob", await(stores.mailbox().peek("bob", 10)).stream().map(StoredMessage::seq).toList()));
        assertEquals(0, raw(Command.EXISTS, prefix + "mail-meta:bob").toLong(), "an empty mailbox keeps no counters");
    }

    @Test
    @DisplayName("size() reports Redis used_memory and maxmemory (0 while none is set)")
    void sizeFromInfo() {
        StoreSize unlimited = await(stores.size());
        assertEquals(0, unlimited.limitBytes(), "the test server sets no maxmemory");
        raw(Command.CONFIG, "SET", "maxmemory", "104857600");
        try {
            StoreSize limited = await(stores.size());
            assertEquals(104_857_600L, limited.limitBytes());
            assertTrue(limited.usedBytes() > 0 && limited.usedBytes() < limited.limitBytes(), limited.toString());
        } finally {
            raw(Command.CONFIG, "SET", "maxmemory", "0");
        }
    }

    @Test
    @DisplayName("every key lives under the prefix, in the documented layout")
    void keyLayout() {
        await(stores.users().create(new UserRecord("100", "alice", "h", 1)));
        await(stores.mailbox().append("bob", mail("m1", "alice", "bob", "hi", 1), 10));
        long seq = await(stores.groupHistory().append(group("g1", 1))).seq();
        await(stores.lastSeen().advance("alice", 1));
        await(stores.idempotency().putIfAbsent("alice:msg:c1", "{}", System.currentTimeMillis() + 60_000));
        await(stores.presence().join(new PresenceEntry("100", "alice", "n1", "s1")));
        Set<String> keys = new TreeSet<>();
        for (Response k : raw(Command.KEYS, prefix + "*")) keys.add(k.toString().substring(prefix.length()));
        assertEquals(new TreeSet<>(Set.of("users", "mail:bob", "mail-meta:bob", "mail-seq", "group:log", "group:seq", "last-seen",
                "idem:alice:msg:c1", "presence", "presence:node:n1")), keys);
        assertEquals("stream", raw(Command.TYPE, prefix + "group:log").toString());
        assertEquals(seq + "-0", raw(Command.XINFO, "STREAM", prefix + "group:log").get("last-generated-id").toString());
    }

    @Test
    @DisplayName("a takeover record expires after the replaced TTL, so takeovers cannot fill Redis")
    void takeoverRecordExpires() {
        await(stores.presence().join(new PresenceEntry("100", "alice", "n1", "s1")));
        await(stores.presence().join(new PresenceEntry("100", "alice", "n1", "s1")));
        assertEquals(0, raw(Command.EXISTS, prefix + "presence:replaced:s1").toLong(), "the same session again is no takeover");
        await(stores.presence().join(new PresenceEntry("100", "alice", "n2", "s2")));
        long ttl = raw(Command.PTTL, prefix + "presence:replaced:s1").toLong();
        assertTrue(ttl > PresenceStore.REPLACED_TTL.toMillis() - 60_000 && ttl <= PresenceStore.REPLACED_TTL.toMillis(),
                "expires: " + ttl);
        raw(Command.PEXPIRE, prefix + "presence:replaced:s1", "1");
        awaitCondition(() -> raw(Command.EXISTS, prefix + "presence:replaced:s1").toLong() == 0, "the record expires");
        assertEquals(PresenceStore.Rejoin.REPLACED, await(stores.presence().rejoin(new PresenceEntry("100", "alice", "n1", "s1"))),
                "while the newer session is listed, the old one stays out anyway");
    }

    @Test
    @DisplayName("scripts are re-sent when Redis has forgotten them")
    void scriptCacheFlushed() {
        long first = await(stores.groupHistory().append(group("g1", 1))).seq();
        raw(Command.SCRIPT, "FLUSH");
        assertEquals(first + 1, await(stores.groupHistory().append(group("g2", 2))).seq());
        assertNull(await(stores.presence().join(new PresenceEntry("100", "alice", "n1", "s1"))));
        raw(Command.SCRIPT, "FLUSH");
        // A script pipelined with a command: the batch's error names the command's index before NOSCRIPT.
        PresenceStore.Left left = await(stores.presence().leaveCounting("100", "s1"));
        assertEquals("alice", left.entry().name());
        assertEquals(0L, left.onlineAfter());
    }

    @Test
    @DisplayName("while Redis is down operations fail, and they work again once it is back, without reconnecting by hand")
    void outageAndRecovery() {
        try (RedisServer own = RedisServer.start()) {
            Stores s = await(RedisStores.connect(vertx, RedisStoreOptions.of(own.uri()).withKeyPrefix(prefix)
                    .withCommandTimeout(Duration.ofSeconds(1))));
            try {
                long before = await(s.groupHistory().append(group("g1", System.currentTimeMillis()))).seq();
                own.stop();
                assertFails(s.groupHistory().append(group("g2", 2)));
                assertFails(s.users().find("100"));
                assertFails(s.presence().count());
                own.startAgain();
                awaitCondition(() -> succeeds(s.presence().count()), "the pool reconnects");
                // A restarted Redis without persistence has lost data and scripts: both are handled, and the
                // new counter starts from the clock, so seqs still never go backwards.
                assertTrue(await(s.groupHistory().append(group("g3", System.currentTimeMillis()))).seq() > before);
                assertNull(await(s.presence().join(new PresenceEntry("100", "alice", "n1", "s1"))));
            } finally {
                await(s.close());
            }
        }
    }

    @Test
    @DisplayName("a password-protected Redis needs the password, and errors never show it")
    void password() {
        try (RedisServer own = RedisServer.start("--requirepass", "s3cret")) {
            RedisStoreOptions opts = RedisStoreOptions.of(own.uri()).withKeyPrefix(prefix);
            Stores s = await(RedisStores.connect(vertx, opts.withPassword("s3cret")));
            try {
                assertTrue(await(s.users().create(new UserRecord("100", "alice", "h", 1))));
            } finally {
                await(s.close());
            }
            String noPassword = failure(RedisStores.connect(vertx, opts)).getMessage();
            assertTrue(noPassword.contains("cannot reach Redis at " + own.uri()), noPassword);
            String wrong = failure(RedisStores.connect(vertx, RedisStoreOptions.of(
                    "redis://:wrong-pass@127.0.0.1:" + own.port()).withKeyPrefix(prefix))).getMessage();
            assertTrue(wrong.contains("cannot reach Redis at redis://127.0.0.1:" + own.port()), wrong);
            assertFalse(wrong.contains("wrong-pass"), wrong);
            assertFalse(RedisStoreOptions.of(own.uri()).withPassword("s3cret").toString().contains("s3cret"));
        }
    }

    @Test
    @DisplayName("connecting to a port where no Redis listens fails quickly with the address in the message")
    void unreachable() throws Exception {
        int port = RedisServer.freePort();
        long start = System.nanoTime();
        Throwable t = failure(RedisStores.connect(vertx, RedisStoreOptions.of("redis://127.0.0.1:" + port)));
        assertTrue(t.getMessage().startsWith("cannot reach Redis at redis://127.0.0.1:" + port), t.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "fails fast");
    }

    @Test
    @DisplayName("with TLS on, the store speaks TLS and checks Redis's certificate")
    void tls() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create("localhost");
        int tlsPort = RedisServer.freePort();
        try (RedisServer own = RedisServer.start("--tls-port", Integer.toString(tlsPort),
                "--tls-cert-file", cert.certificatePath(), "--tls-key-file", cert.privateKeyPath(),
                "--tls-ca-cert-file", cert.certificatePath(), "--tls-auth-clients", "no")) {
            RedisStoreOptions opts = RedisStoreOptions.of("redis://localhost:" + tlsPort).withKeyPrefix(prefix).withTls(true);
            Stores s = await(RedisStores.connect(vertx, opts.withTlsCaFile(cert.certificatePath())));
            try {
                assertTrue(await(s.users().create(new UserRecord("100", "alice", "h", 1))));
                assertEquals("alice", await(s.users().find("100")).name());
            } finally {
                await(s.close());
            }
            failure(RedisStores.connect(vertx, opts));
            assertTrue(own.running());
        } finally {
            cert.delete();
        }
    }

    private Response raw(Command command, String... args) {
        Redis client = Redis.createClient(vertx, server.uri());
        try {
            Request req = Request.cmd(command);
            for (String a : args) req.arg(a);
            return await(client.send(req));
        } finally {
            client.close();
        }
    }

    private static boolean succeeds(Future<?> f) {
        try {
            f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void assertFails(Future<?> f) {
        assertThrows(ExecutionException.class, () -> f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
    }

    private static Throwable failure(Future<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        return e.getCause();
    }
}
