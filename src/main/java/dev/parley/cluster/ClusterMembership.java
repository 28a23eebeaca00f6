package dev.parley.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import dev.parley.logging.Audit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.function.Consumer;

/** What Hazelcast says about the cluster, turned into Parley's reactions and readiness. */
public final class ClusterMembership {
    private ClusterMembership() {
    }

    /**
     * Audits nodes joining and leaving, passes on the event-bus node id of each one that left, calls
     * {@code reunited} when this node is back from a split or another node joined, and {@code changed} after any
     * of these. A joining node may be one back from a split: what it did while cut off (a takeover whose kick
     * could not reach this node, a clean-up of this node's users) must be checked against this node's sessions too.
     */
    public static void listen(HazelcastInstance hz, Audit audit, Consumer<String> memberLeft, Runnable reunited,
                              Runnable changed) {
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                audit.system(Audit.Event.NODE_JOINED, e.getMember().getAttribute(HazelcastSetup.VERTX_NODE_ID),
                        e.getMember().getAddress().toString());
                reunited.run();
                changed.run();
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                String left = e.getMember().getAttribute(HazelcastSetup.VERTX_NODE_ID);
                audit.system(Audit.Event.NODE_LEFT, left, e.getMember().getAddress().toString());
                if (left != null) memberLeft.accept(left);
                changed.run();
            }
        });
        hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.MERGED) {
                reunited.run();
                changed.run();
            }
        });
    }

    /** The readiness check: joined (with the member count), or why not; {@code hz} is null until joined. */
    public static Future<?> joined(HazelcastInstance hz, Vertx vertx) {
        if (hz == null || !hz.getLifecycleService().isRunning() || !vertx.isClustered()) {
            return Future.failedFuture("not joined");
        }
        return Future.succeededFuture(hz.getCluster().getMembers().size() + " members");
    }
}
