/**
 * Presence repair: keeps the shared presence table true in a cluster when nodes die, freeze, split or lose
 * Redis. {@link dev.parley.service.presence.repair.PresenceRepairVerticle} wires four small parts (heartbeat,
 * dead-node cleanup, re-registration, stale sweep); every announcement goes through the presence service's
 * {@link dev.parley.service.presence.PresenceAnnouncer}, so the fan-out rule is the same everywhere.
 */
package dev.parley.service.presence.repair;
