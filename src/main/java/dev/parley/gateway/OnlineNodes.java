package dev.parley.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.protocol.Fields;
import dev.parley.service.presence.OnlineListing.OnlineUser;

import java.util.List;

/**
 * A login reply's online list as the protocol layer's tree, built once and reused while the list stays the same: in
 * a storm the logins of a window share one list (see limits.onlineListCacheMs), and turning its 200 users into a tree
 * for every login was a third of the event loops' time left in a warm reconnect storm (docs/performance.md,
 * "Login storms, round 2"). The encoders only read the tree, so replies share it.
 *
 * <p>Thread-safe: the last list and its tree are published together through one volatile field.
 */
final class OnlineNodes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Built(List<OnlineUser> users, ArrayNode tree) {
    }

    private volatile Built last = new Built(List.of(), NODES.arrayNode());

    /** [{"user","name"[,"away"]}] for {@code users}, as clients receive them; the same tree as last time when they are equal. */
    ArrayNode of(List<OnlineUser> users) {
        Built b = last;
        if (b.users().equals(users)) return b.tree();
        ArrayNode tree = NODES.arrayNode(users.size());
        for (OnlineUser u : users) {
            ObjectNode o = tree.addObject();
            o.put(Fields.USER, u.user());
            o.put(Fields.NAME, u.name());
            if (u.away() != null) o.put(Fields.AWAY, u.away());
        }
        last = new Built(users, tree);
        return tree;
    }
}
