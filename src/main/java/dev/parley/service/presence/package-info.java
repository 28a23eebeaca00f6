/**
 * Who is online and where: {@link dev.parley.service.presence.PresenceVerticle} keeps the table in a
 * {@link dev.parley.store.PresenceStore}, answers who-queries; {@link dev.parley.service.presence.PresenceAnnouncer} holds the one fan-out
 * rule for announcing arrivals and departures; {@link dev.parley.service.presence.RoomPresence} also announces
 * them to the user's rooms (issue 14), one event listing every room it went to, and away changes the same way
 * (the away message is part of the presence entry, issue 15). Contract in {@code PresenceAddresses} and its records
 * ({@code JoinRequest}, {@code LeaveRequest}, {@code OnlineListing}, {@code Location}…); repair after node
 * deaths and splits in {@code repair}.
 */
package dev.parley.service.presence;
