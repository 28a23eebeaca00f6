/**
 * Storage contracts, one interface per kind of state ({@link dev.parley.store.UserStore},
 * {@link dev.parley.store.MailboxStore}, {@link dev.parley.store.GroupHistoryStore},
 * {@link dev.parley.store.PresenceStore}, {@link dev.parley.store.LastSeenStore}, and for rooms
 * {@link dev.parley.store.RoomStore}, {@link dev.parley.store.RoomHistoryStore}, {@link dev.parley.store.RoomSpeech}
 * (a say's member check and append in one step),
 * {@link dev.parley.store.ReadPositionStore}...), bundled by {@link dev.parley.store.Stores} (each backend extends
 * {@link dev.parley.store.StoreSet}, which routes the default room's history and read positions to the group
 * history and last-seen positions), plus the in-memory stores of a single node. Backends: {@code store.mvstore}
 * (embedded) and {@code store.redis} (cluster); both pass one contract test suite.
 */
package dev.parley.store;
