package dev.parley.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.service.delivery.GroupMessage;
import dev.parley.service.delivery.NodeAddresses;
import dev.parley.service.delivery.Ping;
import dev.parley.service.delivery.PresenceChange;
import dev.parley.service.delivery.PrivateMessage;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * An attacker's JVM with parley.jar on its classpath, started by {@link ClusterSecurityTest} as its own
 * process. It reports what it achieved on stdout, one "ROGUE ..." line per fact:
 * <pre>
 *   RogueNode wrong-name NAME MEMBERS PORT            join Hazelcast with a wrong cluster name
 *   RogueNode forge NAME MEMBERS PORT [CERT KEY CA]   join with the right name, then forge and listen
 * </pre>
 * forge: without certificates (or with ones from its own CA) it starts a clustered Vert.x, publishes and
 * sends forged group, presence and private deliveries, asks each node for a PING reply, then registers
 * consumers on the nodes' delivery addresses and listens until its stdin closes.
 */
public final class RogueNode {
    static final String FORGED_TEXT = "forged by the rogue";
    static final String FORGED_USER = "mallory";

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        ParleyConfig.Cluster c = cluster(args);
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(HazelcastSetup.config(c, UUID.randomUUID().toString()));
        say("MEMBERS " + hz.getCluster().getMembers().size());
        if (mode.equals("wrong-name")) {
            hz.shutdown();
            System.exit(0);
        }
        List<String> nodes = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            String id = m.getAttribute("__vertx.nodeId");
            if (!m.localMember() && id != null) nodes.add(id);
        }
        say("NODES " + nodes);
        VertxOptions options = new VertxOptions();
        options.getEventBusOptions().setHost(c.host()).setPort(0).setClusterPublicHost(c.host());
        BusTls.apply(c, options.getEventBusOptions());
        Vertx vertx = Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(hz))
                .buildClustered().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        EventBus bus = vertx.eventBus();
        // Forge before listening, so that what it hears is never its own forgery delivered locally.
        forge(bus, nodes);
        say("FORGED");
        List<Future<Void>> registered = new ArrayList<>();
        registered.add(bus.consumer(NodeAddresses.ALL, m -> say("RECEIVED " + m.address() + " " + m.body())).completion());
        for (String node : nodes) {
            registered.add(bus.consumer(NodeAddresses.node(node), m -> say("RECEIVED " + m.address() + " " + m.body())).completion());
        }
        Future.join(registered).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        say("LISTENING");
        while (System.in.read() >= 0) {
            // Keep listening until the test closes stdin.
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        hz.shutdown();
        System.exit(0);
    }

    private static void forge(EventBus bus, List<String> nodes) throws InterruptedException {
        long now = System.currentTimeMillis();
        JsonObject group = new GroupMessage(new StoredMessage("rogue-1", "alice", "alice", null, FORGED_TEXT, now, Long.MAX_VALUE / 2)).toJson();
        JsonObject presence = new PresenceChange(FORGED_USER, FORGED_USER, true).toJson();
        bus.publish(NodeAddresses.ALL, group);
        bus.publish(NodeAddresses.ALL, presence);
        List<Future<?>> replies = new ArrayList<>();
        for (String node : nodes) {
            String address = NodeAddresses.node(node);
            bus.send(address, group);
            bus.send(address, presence);
            DeliveryOptions timeout = new DeliveryOptions().setSendTimeout(5000);
            replies.add(bus.request(address, new Ping().toJson(), timeout)
                    .onComplete(r -> say((r.succeeded() ? "PING-OK " : "PING-FAILED ") + node
                            + (r.succeeded() ? " " + r.result().body() : " " + r.cause()))));
            JsonObject privateMessage = new PrivateMessage(new StoredMessage("rogue-2", "alice", "alice", "bob",
                    FORGED_TEXT, now, 0)).toJson();
            replies.add(bus.request(address, privateMessage, timeout)
                    .onComplete(r -> say((r.succeeded() ? "PRIVATE-OK " : "PRIVATE-FAILED ") + node
                            + (r.succeeded() ? " " + r.result().body() : " " + r.cause()))));
        }
        try {
            Future.join(replies).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ignored) {
            // Each outcome was reported as it came.
        }
    }

    /** Configuration as parley.jar would read it; without certificates the rogue has to run insecure. */
    private static ParleyConfig.Cluster cluster(String[] args) {
        JsonObject json = ConfigLoader.defaults();
        JsonObject c = json.getJsonObject("cluster");
        c.put("enabled", true).put("redis", "redis://127.0.0.1:1").put("name", args[1]).put("members", args[2])
                .put("host", "127.0.0.1").put("port", Integer.parseInt(args[3])).put("nodeTimeoutSeconds", 5);
        if (args.length > 6) {
            c.put("tlsCert", args[4]).put("tlsKey", args[5]).put("tlsCa", args[6]);
        } else {
            c.put("insecure", true);
        }
        return ParleyConfig.from(json).cluster();
    }

    private static synchronized void say(String line) {
        System.out.println("ROGUE " + line);
        System.out.flush();
    }
}
