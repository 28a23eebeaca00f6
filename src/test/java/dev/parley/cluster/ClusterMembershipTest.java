package dev.parley.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.logging.Audit;
import dev.parley.testkit.Await;
import dev.parley.testkit.FreePorts;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two real Hazelcast members on loopback: what a node is told when another one joins. */
class ClusterMembershipTest {

    @Test
    @DisplayName("a member joining tells the others to check their sessions against shared presence")
    void joiningMemberReunites() {
        int portA = FreePorts.pick();
        int portB = FreePorts.pick();
        String name = "membership-" + UUID.randomUUID();
        String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        HazelcastInstance a = Hazelcast.newHazelcastInstance(HazelcastSetup.config(cluster(name, members, portA), "a"));
        HazelcastInstance b = null;
        try {
            AtomicInteger reunited = new AtomicInteger();
            AtomicInteger changed = new AtomicInteger();
            ClusterMembership.listen(a, new Audit(e -> { }), left -> { }, reunited::incrementAndGet, changed::incrementAndGet);

            b = Hazelcast.newHazelcastInstance(HazelcastSetup.config(cluster(name, members, portB), "b"));

            Await.until(() -> changed.get() >= 1, Duration.ofSeconds(30), "node a to see node b join");
            assertEquals(1, reunited.get(), "a join must make node a check its sessions (the joiner may be back from a split)");
        } finally {
            if (b != null) b.shutdown();
            a.shutdown();
        }
    }

    private static ParleyConfig.Cluster cluster(String name, String members, int port) {
        JsonObject json = ConfigLoader.defaults();
        json.getJsonObject("cluster").put("enabled", true).put("redis", "redis://127.0.0.1:1").put("name", name)
                .put("members", members).put("host", "127.0.0.1").put("port", port).put("nodeTimeoutSeconds", 5)
                .put("insecure", true);
        return ParleyConfig.from(json).cluster();
    }
}
