package dev.parley.cluster;

import dev.parley.logging.Audit;
import dev.parley.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.spi.cluster.RegistrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SubscriptionGuardTest {
    private static final Duration BOUND = Duration.ofSeconds(5);
    private final Vertx vertx = Vertx.vertx();
    /** The cluster's registry as the guard reads it: address to registrations. */
    private final Map<String, List<RegistrationInfo>> registry = new ConcurrentHashMap<>();
    private volatile boolean registryDown;
    private final List<String> reregistered = Collections.synchronizedList(new ArrayList<>());
    private final List<Audit.Event> audited = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger counted = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private long seq;

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private RegistrationInfo of(String node, boolean localOnly) {
        return new RegistrationInfo(node, ++seq, localOnly);
    }

    private Future<List<RegistrationInfo>> lookup(String address) {
        lookups.incrementAndGet();
        if (registryDown) return Future.failedFuture("registry unreachable");
        return Future.succeededFuture(List.copyOf(registry.getOrDefault(address, List.of())));
    }

    /** A source whose re-registration puts this node back in the registry, as Vert.x does. */
    private SubscriptionGuard.Subscriptions source(List<String> addresses) {
        return SubscriptionGuard.Subscriptions.of(() -> addresses, address -> {
            reregistered.add(address);
            registry.merge(address, List.of(of("self", false)), (a, b) -> {
                List<RegistrationInfo> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
            return Future.succeededFuture();
        });
    }

    private SubscriptionGuard deploy(long periodMs, SubscriptionGuard.Subscriptions source) {
        SubscriptionGuard guard = new SubscriptionGuard("self", this::lookup, periodMs, new Audit(audited::add),
                counted::incrementAndGet).watch(source);
        vertx.deployVerticle(guard).await();
        return guard;
    }

    @Test
    @DisplayName("an address the registry lists without this node is registered again, once, counted and audited; one listing it is left alone")
    void repairsOnlyWhatIsMissing() {
        registry.put("parley.nodes", List.of(of("other", false), of("self", true)));
        registry.put("parley.node.self", List.of(of("self", false)));
        SubscriptionGuard guard = deploy(3_600_000, source(List.of("parley.nodes", "parley.node.self")));

        guard.checkAll();

        Await.until(() -> reregistered.size() == 1, BOUND, "a re-registration");
        assertEquals(List.of("parley.nodes"), reregistered, "another node's or a local-only registration is not this node's");
        Await.until(() -> guard.missing().isEmpty(), BOUND, "the repair to complete");
        assertEquals(1, counted.get());
        assertEquals(List.of(Audit.Event.BUS_REREGISTERED), audited);

        int before = lookups.get();
        guard.checkAll();
        Await.until(() -> lookups.get() >= before + 2, BOUND, "a second check of both addresses");
        assertEquals(1, reregistered.size(), "repaired, so left alone");
    }

    @Test
    @DisplayName("a registration lost later is put back by the periodic check, with no membership event")
    void periodicCheckRepairs() {
        registry.put("parley.nodes", List.of(of("self", false)));
        deploy(20, source(List.of("parley.nodes")));

        registry.put("parley.nodes", List.of(of("other", false)));

        Await.until(() -> reregistered.equals(List.of("parley.nodes")), BOUND, "the periodic check to repair");
    }

    @Test
    @DisplayName("while the registry cannot be read nothing is registered again; once it can, what is missing is")
    void unreadableRegistryIsNoFinding() {
        registryDown = true;
        SubscriptionGuard guard = deploy(20, source(List.of("parley.nodes")));
        guard.checkAll();
        Await.until(() -> audited.isEmpty() && counted.get() == 0 && guard.missing().isEmpty(), BOUND, "nothing");

        registryDown = false;

        Await.until(() -> reregistered.equals(List.of("parley.nodes")), BOUND, "the repair once the registry answers");
    }

    @Test
    @DisplayName("a lookup that never answers holds up neither the other addresses nor later checks of them")
    void hungLookupHoldsNothingUp() {
        Promise<List<RegistrationInfo>> hung = Promise.promise();
        registry.put("parley.node.self", List.of(of("self", false)));
        SubscriptionGuard guard = new SubscriptionGuard("self",
                address -> "parley.node.self".equals(address) ? hung.future() : lookup(address), 20, new Audit(audited::add),
                counted::incrementAndGet).watch(source(List.of("parley.node.self", "parley.nodes")));
        vertx.deployVerticle(guard).await();

        Await.until(() -> reregistered.equals(List.of("parley.nodes")), BOUND, "the other address repaired");
        registry.put("parley.nodes", List.of(of("other", false)));
        Await.until(() -> reregistered.size() == 2, Duration.ofMillis(SubscriptionGuard.LOOKUP_TIMEOUT_MS).plus(BOUND),
                "a later loss repaired while the first lookup still hangs");
    }

    @Test
    @DisplayName("until its new registration completes the address is reported missing, and it is not registered twice meanwhile")
    void missingUntilRepaired() {
        Promise<Void> slow = Promise.promise();
        AtomicInteger calls = new AtomicInteger();
        SubscriptionGuard guard = deploy(20, SubscriptionGuard.Subscriptions.of(() -> List.of("parley.nodes"), address -> {
            calls.incrementAndGet();
            return slow.future();
        }));

        Await.until(() -> guard.missing().equals(Set.of("parley.nodes")), BOUND, "the address reported missing");
        Await.until(() -> calls.get() == 1, BOUND, "one re-registration");

        vertx.runOnContext(v -> {
            registry.put("parley.nodes", List.of(of("self", false)));
            slow.complete();
        });

        Await.until(() -> guard.missing().isEmpty(), BOUND, "the address routable again");
        assertEquals(1, calls.get(), "no second registration while the first was under way");
        assertEquals(1, counted.get());
    }
}
