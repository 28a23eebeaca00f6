/**
 * The TCP gateway: where users connect. {@link dev.parley.gateway.GatewayNode} deploys the
 * {@code GatewayVerticle} instances (plain and TLS ports) and the node's one {@code NodeDeliveryVerticle};
 * {@code Connection} owns one socket (protocol detection, admission, catch-up, output through {@code Outbox});
 * {@code CommandTable} maps requests to {@code ChatCommands}, {@code AccountCommands} (login, logout and the
 * offline replay) and {@code ProfileCommands}; {@code OutputBudget} and {@code BacklogShedder} bound memory.
 */
package dev.parley.gateway;
