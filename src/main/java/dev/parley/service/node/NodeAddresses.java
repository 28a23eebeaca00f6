package dev.parley.service.node;

/**
 * Delivery to users goes through ONE consumer per node, never one per connection: in a cluster each
 * registration is a cluster-wide write, and a node holds 100k+ connections.
 */
public final class NodeAddresses {
    /** Published once, received once by every node: presence changes and group messages. */
    public static final String ALL = "parley.nodes";

    private NodeAddresses() {
    }

    /** One node's own address: private messages ({@link Delivery#privateMessage}) and kicks. */
    public static String node(String nodeId) {
        return "parley.node." + nodeId;
    }
}
