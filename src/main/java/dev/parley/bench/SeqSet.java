package dev.parley.bench;

import java.util.Arrays;

/** The sequence numbers seen from one sender at one receiver: a growable bitset. */
final class SeqSet {
    private long[] words = new long[4];
    private long count;

    /** Adds {@code seq}; false when it was already there (a duplicate). */
    boolean add(long seq) {
        int w = (int) (seq >>> 6);
        if (w >= words.length) words = Arrays.copyOf(words, Math.max(words.length * 2, w + 1));
        long bit = 1L << (seq & 63);
        if ((words[w] & bit) != 0) return false;
        words[w] |= bit;
        count++;
        return true;
    }

    boolean contains(long seq) {
        int w = (int) (seq >>> 6);
        return w < words.length && (words[w] & (1L << (seq & 63))) != 0;
    }

    long count() {
        return count;
    }

    /** How many members of {@code expected} are missing here. */
    long missingFrom(SeqSet expected) {
        long missing = 0;
        for (int w = 0; w < expected.words.length; w++) {
            long mine = w < words.length ? words[w] : 0;
            missing += Long.bitCount(expected.words[w] & ~mine);
        }
        return missing;
    }
}
