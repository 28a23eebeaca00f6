/**
 * Storage contracts, one interface per kind of state ({@link dev.parley.store.UserStore},
 * {@link dev.parley.store.MailboxStore}, {@link dev.parley.store.GroupHistoryStore},
 * {@link dev.parley.store.PresenceStore}, {@link dev.parley.store.LastSeenStore}...), bundled by
 * {@link dev.parley.store.Stores} (each backend extends {@link dev.parley.store.StoreSet}), plus the in-memory
 * stores of a single node. Backends: {@code store.mvstore} (embedded) and {@code store.redis} (cluster); both pass
 * one contract test suite.
 */
package dev.parley.store;
