/**
 * Who is online and where: {@link dev.parley.service.presence.PresenceVerticle} keeps the table in a
 * {@link dev.parley.store.PresenceStore}, answers who-queries and publishes joins and leaves to every node.
 * Contract in {@code PresenceAddresses}.
 */
package dev.parley.service.presence;
