package dev.parley.store.mvstore;

import dev.parley.store.HistorySlice;
import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonObject;
import org.h2.mvstore.Cursor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/** Reads pages of a capped log whose values are message JSON (with seq), whatever its key shape. */
final class MvSlices {
    private MvSlices() {
    }

    /** The newest {@code max} messages of an ascending cursor over seqs after {@code afterSeq} up to {@code head}. */
    static HistorySlice since(Cursor<?, String> ascending, long head, long afterSeq, int max, long notBeforeTs) {
        Deque<StoredMessage> newest = new ArrayDeque<>();
        while (max > 0 && ascending.hasNext()) {
            ascending.next();
            StoredMessage m = message(ascending.getValue());
            if (m.seq() > head) break;
            if (m.ts() < notBeforeTs) continue;
            newest.addLast(m);
            if (newest.size() > max) newest.removeFirst();
        }
        long missed = Math.max(0, head - afterSeq);
        return new HistorySlice(new ArrayList<>(newest), missed - newest.size(), head);
    }

    /** Up to {@code limit} messages of a descending cursor, returned oldest first; skipped = older ones still kept. */
    static HistorySlice before(Cursor<?, String> descending, long head, long oldestSeq, int limit) {
        List<StoredMessage> page = new ArrayList<>();
        while (page.size() < limit && descending.hasNext()) {
            descending.next();
            page.add(message(descending.getValue()));
        }
        Collections.reverse(page);
        long older = page.isEmpty() ? 0 : Math.max(0, page.get(0).seq() - oldestSeq);
        return new HistorySlice(page, older, head);
    }

    static StoredMessage message(String json) {
        return StoredMessage.fromJson(new JsonObject(json));
    }
}
