/**
 * The embedded backend of a single node: {@link dev.parley.store.mvstore.MvStores} opens one H2 MVStore
 * file in the data directory and builds one {@code Mv*Store} per contract.
 */
package dev.parley.store.mvstore;
