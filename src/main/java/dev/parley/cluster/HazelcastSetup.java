package dev.parley.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.parley.config.ParleyConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

import java.util.Arrays;

/**
 * The Hazelcast member configuration of a Parley node: Vert.x's required maps, an explicit bind
 * address (never 0.0.0.0), discovery by TCP member list or Kubernetes DNS, multicast off, and
 * heartbeats short enough that a frozen node is noticed within the configured node timeout.
 */
public final class HazelcastSetup {
    private HazelcastSetup() {
    }

    /** Hazelcast's heartbeat between members; the subscription guard looks at the bus registry as often. */
    public static final int HEARTBEAT_SECONDS = 1;

    /** Vert.x reads its node id from this member attribute when it is given a ready Hazelcast instance. */
    static final String VERTX_NODE_ID = "__vertx.nodeId";

    /** @param nodeId this node's id on the event bus, unique per process start */
    public static Config config(ParleyConfig.Cluster c, String nodeId) {
        Config cfg = ConfigUtil.loadConfig();
        cfg.getMemberAttributeConfig().setAttribute(VERTX_NODE_ID, nodeId);
        cfg.setClusterName(c.name());
        cfg.setProperty("hazelcast.socket.bind.any", "false");
        cfg.setProperty("hazelcast.phone.home.enabled", "false");
        // Parley shuts Hazelcast down itself, after saying goodbye to its users.
        cfg.setProperty("hazelcast.shutdownhook.enabled", "false");
        cfg.setProperty("hazelcast.heartbeat.interval.seconds", Integer.toString(HEARTBEAT_SECONDS));
        cfg.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(c.nodeTimeoutSeconds()));
        cfg.setProperty("hazelcast.wait.seconds.before.join", "0");
        cfg.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        cfg.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        cfg.setProperty("hazelcast.logging.type", "slf4j");

        NetworkConfig net = cfg.getNetworkConfig();
        net.setPort(c.port()).setPortAutoIncrement(false);
        net.setPublicAddress(c.host() + ":" + c.port());
        net.getInterfaces().setEnabled(true).addInterface(c.host());

        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (ParleyConfig.Cluster.KUBERNETES.equals(c.discovery())) {
            join.getTcpIpConfig().setEnabled(false);
            join.getKubernetesConfig().setEnabled(true)
                    .setProperty("service-dns", c.kubernetesService())
                    .setProperty("service-port", Integer.toString(c.port()));
        } else {
            join.getTcpIpConfig().setEnabled(true);
            Arrays.stream(c.members().split(","))
                    .map(String::trim)
                    .filter(m -> !m.isEmpty())
                    .forEach(m -> join.getTcpIpConfig().addMember(m));
            if (c.members().isBlank()) join.getTcpIpConfig().addMember(c.host() + ":" + c.port());
        }
        return cfg;
    }
}
