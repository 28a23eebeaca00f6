/**
 * What only a cluster needs: {@link dev.parley.cluster.ClusteredVertx} (a Vert.x joined over Hazelcast),
 * {@link dev.parley.cluster.HazelcastSetup} (member configuration and discovery), {@link dev.parley.cluster.BusTls}
 * (mutual TLS on the event bus), {@link dev.parley.cluster.ClusterMembership} (membership and merge listeners,
 * the joined check), {@link dev.parley.cluster.SubscriptionGuard} (puts back this node's consumers when the
 * cluster's bus registry lost them). Node liveness and presence repair are a service of their own:
 * {@code dev.parley.service.presence.repair}. Design and failure behaviour: docs/cluster.md.
 */
package dev.parley.cluster;
