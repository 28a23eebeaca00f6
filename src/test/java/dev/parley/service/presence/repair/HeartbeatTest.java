package dev.parley.service.presence.repair;

import dev.parley.logging.Audit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatTest {
    private final FakeNodeRegistry registry = new FakeNodeRegistry();
    private final ManualTimers timers = new ManualTimers();
    private final List<String> findings = new ArrayList<>();
    private final List<Audit.Event> audited = new ArrayList<>();

    private Heartbeat heartbeat() {
        return new Heartbeat("self", registry, 1000, 5000, timers, new Audit(audited::add), new Heartbeat.Findings() {
            @Override
            public void lostOwnEntries() {
                findings.add("lost own entries");
            }

            @Override
            public void nodeDead(String node) {
                findings.add("dead " + node);
            }

            @Override
            public void sweepDue() {
                findings.add("sweep");
            }
        });
    }

    @Test
    @DisplayName("each beat refreshes this node and reports registered nodes whose key expired")
    void reportsDeadNodes() {
        heartbeat().start();
        registry.registered.add("gone");
        registry.registered.add("fine");
        registry.alive.add("fine");

        timers.fireAll();

        assertEquals(List.of("self", "self"), registry.beats);
        assertEquals(List.of("dead gone"), findings);
        assertEquals(List.of(1000L), timers.delays(), "beats on at the period");
    }

    @Test
    @DisplayName("while Redis is unreachable the beat backs off, doubling up to the cap; once back, this node re-registers its sessions")
    void backsOffAndRepairs() {
        heartbeat().start();
        registry.down = true;
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            timers.fireAll();
            delays.add(timers.delays().get(0));
        }
        assertEquals(List.of(2000L, 4000L, 8000L, Heartbeat.MAX_BACKOFF_MILLIS, Heartbeat.MAX_BACKOFF_MILLIS,
                Heartbeat.MAX_BACKOFF_MILLIS), delays);
        assertEquals(List.of(Audit.Event.REDIS_LOST), audited, "reported once, not once per beat");

        registry.down = false;
        timers.fireAll();

        assertEquals(List.of("lost own entries"), findings);
        assertEquals(List.of(Audit.Event.REDIS_LOST, Audit.Event.REDIS_RECOVERED), audited);
        assertEquals(List.of(1000L), timers.delays());
    }

    @Test
    @DisplayName("a node the registry forgot (declared dead during a pause) re-registers its sessions")
    void forgottenNodeRepairs() {
        heartbeat().start();
        registry.registered.remove("self");

        timers.fireAll();

        assertEquals(List.of("lost own entries"), findings);
    }

    @Test
    @DisplayName("a node forgotten between its read of the node list and its heartbeat still notices (the heartbeat tells)")
    void forgottenBetweenReadAndHeartbeat() {
        heartbeat().start();
        registry.afterNodesRead = () -> registry.registered.remove("self");

        timers.fireAll();

        assertEquals(List.of("lost own entries"), findings);
    }

    @Test
    @DisplayName("every SWEEP_EVERY_BEATS beats the stale sweep is due; a stopped heartbeat beats no more")
    void periodicSweepAndStop() {
        Heartbeat heartbeat = heartbeat();
        heartbeat.start();
        for (int i = 0; i < Heartbeat.SWEEP_EVERY_BEATS; i++) timers.fireAll();
        assertEquals(List.of("sweep"), findings);

        heartbeat.stop();
        assertTrue(timers.delays().isEmpty());
    }
}
