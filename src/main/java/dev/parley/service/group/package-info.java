/**
 * The group room: {@link dev.parley.service.group.GroupVerticle} stores each message in the group history,
 * then publishes it once to every node. Contract in {@code GroupAddresses}.
 */
package dev.parley.service.group;
