package dev.parley.store;

/**
 * How much the store holds and how much it may hold, for the parley_store_bytes gauges.
 *
 * @param usedBytes  embedded: the MVStore file's size; Redis: INFO memory used_memory
 * @param limitBytes embedded: the file's size plus the free space of its disk; Redis: maxmemory; 0 when unlimited
 */
public record StoreSize(long usedBytes, long limitBytes) {
}
