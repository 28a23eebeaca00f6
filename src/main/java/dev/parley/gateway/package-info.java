/**
 * The TCP gateway: where users connect. {@link dev.parley.gateway.GatewayNode} deploys the
 * {@code GatewayVerticle} instances (plain and TLS ports) and the node's one {@code NodeDeliveryVerticle};
 * {@code Connection} owns one socket and its parts: {@code RequestDecoder} (protocol detection, decoding),
 * {@code RequestFlow} (admission), {@code CatchUp} (live events held during replay), {@code FrameWriter} and
 * {@code Outbox} (output); {@code CommandTable} maps requests to {@code ChatCommands}, {@code AccountCommands}
 * (register, login, logout) and {@code ProfileCommands}; {@code OfflineReplay} replays what a login missed;
 * {@code OutputBudget} and {@code BacklogShedder} bound memory.
 */
package dev.parley.gateway;
