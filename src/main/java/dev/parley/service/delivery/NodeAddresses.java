package dev.parley.service.delivery;

/**
 * Delivery to users goes through ONE consumer per node, never one per connection: in a cluster each
 * registration is a cluster-wide write, and a node holds 100k+ connections. Bodies are {@link Delivery}
 * records as JSON ({@code toJson()} / {@link Delivery#fromJson}).
 */
public final class NodeAddresses {
    /**
     * Published once, received once by every node: {@link PresenceChange}, {@link GroupMessage},
     * {@link ServerNotice}.
     */
    public static final String ALL = "parley.nodes";

    private NodeAddresses() {
    }

    /**
     * One node's own address: {@link PrivateMessage} (answered with {@link Delivered}), {@link PrivateTags} (not answered), {@link Kick},
     * {@link CloseUser} (answered with {@link Closed}), {@link Ping} (answered with {@link Pong}).
     */
    public static String node(String nodeId) {
        return "parley.node." + nodeId;
    }
}
