/**
 * The contract of each node's delivery consumer (implemented by the gateway's {@code NodeDeliveryVerticle}):
 * {@link dev.parley.service.node.NodeAddresses} (the node addresses), {@link dev.parley.service.node.Delivery}
 * (body types), {@link dev.parley.service.node.CloseUser} and {@link dev.parley.service.node.ServerNotice}.
 */
package dev.parley.service.node;
