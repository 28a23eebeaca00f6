/**
 * The TCP gateway: where users connect. {@link dev.parley.gateway.GatewayNode} deploys the
 * {@code GatewayVerticle} instances (plain and TLS ports) and the node's one {@code NodeDeliveryVerticle};
 * {@code Connection} owns one socket and its parts: {@code RequestDecoder} (protocol detection, decoding),
 * {@code RequestFlow} (admission), {@code CatchUp} (live events held during replay, per room), {@code SessionRooms}
 * (the session's rooms and current room), {@code FrameWriter} and {@code Outbox} (output); {@code CommandTable}
 * maps requests to {@code ChatCommands}, {@code RoomCommands}, {@code AccountCommands} (register, login, logout)
 * and {@code ProfileCommands}; at login {@code LoginRooms} enters the user's rooms and {@code OfflineReplay}
 * replays what was missed (bounded by {@code ReplayBudget}). Rooms reach a node through one consumer per room
 * with local members ({@code RoomSubscriptions}, reference counted by each instance's {@code InstanceRooms});
 * {@code OutputBudget} and {@code BacklogShedder} bound memory. IRC connections (the IRC port, or detected
 * on the chat port) are the same connections with an {@link dev.parley.gateway.irc.IrcSession}.
 */
package dev.parley.gateway;
