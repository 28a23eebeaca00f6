package dev.parley.service.presence;

/** Where each login's and who's online list came from, for the metrics (parley_online_lists_total{source}). */
@FunctionalInterface
public interface OnlineListCounts {
    OnlineListCounts NONE = shared -> { };

    /** @param shared true: served from the shared list or a read under way; false: this request read the store */
    void counted(boolean shared);
}
