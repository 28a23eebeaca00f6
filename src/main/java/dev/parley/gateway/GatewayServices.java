package dev.parley.gateway;

import dev.parley.config.ParleyConfig;
import io.vertx.core.eventbus.EventBus;

/** What command handlers need: the bus, configuration, this node's id and its sessions. */
record GatewayServices(EventBus bus, ParleyConfig config, String nodeId, LocalSessions sessions,
                       dev.parley.ops.ParleyMetrics metrics, GatewayNode node) {
}
