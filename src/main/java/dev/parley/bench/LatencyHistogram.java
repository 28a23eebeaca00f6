package dev.parley.bench;

/**
 * A log-linear latency histogram in nanoseconds: 128 linear sub-buckets per power of two, so any
 * reported percentile is within 1 % of the true value. Fixed size (about 60 KiB), no allocation
 * per record; single-threaded like the rest of the generator.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BLOCKS = 64 - SUB_BITS + 1;

    private final long[] counts = new long[BLOCKS * SUB];
    private long total;
    private long max;
    private long min = Long.MAX_VALUE;

    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        if (v > max) max = v;
        if (v < min) min = v;
    }

    public long count() {
        return total;
    }

    public long maxNanos() {
        return total == 0 ? 0 : max;
    }

    /** The value at percentile {@code p} (0-100], 0 when empty. */
    public long percentileNanos(double p) {
        if (total == 0) return 0;
        long rank = (long) Math.ceil(p / 100.0 * total);
        if (rank < 1) rank = 1;
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) return Math.min(max, Math.max(min, valueOf(i)));
        }
        return max;
    }

    /** Milliseconds at percentile {@code p}, for reports. */
    public double percentileMillis(double p) {
        return percentileNanos(p) / 1e6;
    }

    static int index(long v) {
        if (v < SUB) return (int) v;
        int exp = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) (v >>> (exp - SUB_BITS)) - SUB;
        return (exp - SUB_BITS + 1) * SUB + sub;
    }

    /** The middle of bucket {@code i}. */
    static long valueOf(int i) {
        int block = i / SUB;
        int sub = i % SUB;
        if (block == 0) return sub;
        int shift = block - 1;
        long low = (long) (SUB + sub) << shift;
        return low + ((1L << shift) >>> 1);
    }
}
