package dev.parley.service.room;

import java.util.List;
import java.util.function.Function;

/** Pages of sorted entries: the asked size capped, and the "after" of the next page when there is one. */
final class Paging {
    private Paging() {
    }

    /** The page size: {@code asked} (0 or less: the maximum), at most {@code max}. */
    static int size(int asked, int max) {
        return asked <= 0 ? max : Math.min(asked, max);
    }

    /**
     * @param fetched up to size + 1 entries (one more than the page, to learn whether another page follows)
     */
    record Page<T>(List<T> entries, String next) {
        static <T> Page<T> of(List<T> fetched, int size, Function<T, String> key) {
            if (fetched.size() <= size) return new Page<>(List.copyOf(fetched), null);
            List<T> page = List.copyOf(fetched.subList(0, size));
            return new Page<>(page, key.apply(page.get(size - 1)));
        }
    }
}
