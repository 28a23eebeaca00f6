package dev.parley.ops;

import dev.parley.store.StoreSize;
import dev.parley.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the store's size for parley_store_bytes / parley_store_limit_bytes. A scrape only reads the last
 * sample: asking Redis or the disk on every scrape would put a round trip (or file I/O) on the scrape path.
 * Each sample is asynchronous (a worker thread for the embedded store, a Redis command otherwise); a sample
 * still running when the next is due is not doubled.
 */
public final class StoreSizeSampler extends VerticleBase {
    private final Stores stores;
    private final long periodMillis;
    private final AtomicLong used = new AtomicLong(-1);
    private final AtomicLong limit = new AtomicLong(-1);
    private boolean sampling;

    public StoreSizeSampler(Stores stores, ParleyMetrics metrics, Duration period) {
        this.stores = stores;
        this.periodMillis = period.toMillis();
        metrics.gauge("parley_store_bytes", "bytes the store holds: the embedded store's file, or Redis used_memory "
                + "(-1 before the first sample)", used::get);
        metrics.gauge("parley_store_limit_bytes", "what the store may hold: file plus free disk, or Redis maxmemory "
                + "(0 = no maxmemory set)", limit::get);
    }

    @Override
    public Future<?> start() {
        vertx.setPeriodic(0, periodMillis, id -> sample());
        return Future.succeededFuture();
    }

    private void sample() {
        if (sampling) return;
        sampling = true;
        stores.size()
                .onSuccess(this::record)
                .onComplete(r -> sampling = false);
    }

    private void record(StoreSize size) {
        used.set(size.usedBytes());
        limit.set(size.limitBytes());
    }

    /** The last sample's used bytes, -1 before the first. */
    public long usedBytes() {
        return used.get();
    }
}
