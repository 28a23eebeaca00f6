/**
 * Who is online and where: {@link dev.parley.service.presence.PresenceVerticle} keeps the table in a
 * {@link dev.parley.store.PresenceStore}, answers who-queries; {@link dev.parley.service.presence.PresenceAnnouncer} holds the one fan-out
 * rule for announcing arrivals and departures. Contract in {@code PresenceAddresses} and its records
 * ({@code JoinRequest}, {@code LeaveRequest}, {@code OnlineListing}, {@code Location}…); repair after node
 * deaths and splits in {@code repair}.
 */
package dev.parley.service.presence;
