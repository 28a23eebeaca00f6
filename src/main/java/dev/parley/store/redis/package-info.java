/**
 * The shared backend of a cluster: {@link dev.parley.store.redis.RedisStores} builds one {@code Redis*Store}
 * per contract from {@link dev.parley.store.redis.RedisStoreOptions}; every command goes through
 * {@code RedisCalls}, every key is named in {@code RedisKeys}, atomic changes are {@code LuaScript}s;
 * {@link dev.parley.store.redis.RedisWait} waits for Redis at start. Key layout: docs/cluster.md.
 */
package dev.parley.store.redis;
