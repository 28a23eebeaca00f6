package dev.parley.gateway;

import io.vertx.core.eventbus.EventBus;

/** What command handlers need: the bus, configuration, this node's id and its sessions. */
record GatewayServices(EventBus bus, GatewaySettings config, String nodeId, LocalSessions sessions,
                       dev.parley.ops.ParleyMetrics metrics, GatewayNode node) {
}
