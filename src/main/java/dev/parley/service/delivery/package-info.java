/**
 * Node delivery: the contract of the one consumer per node that hands events to that node's connections
 * ({@link dev.parley.service.delivery.NodeAddresses}, one {@link dev.parley.service.delivery.Delivery}
 * record per message). Its service is the gateway's {@code NodeDeliveryVerticle}, since only the gateway
 * holds connections; the contract stays here (it was {@code service.node}) so that the services and
 * presence repair can send to it without importing the gateway.
 */
package dev.parley.service.delivery;
