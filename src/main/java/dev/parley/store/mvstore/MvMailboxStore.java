package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import dev.parley.store.MailboxStore;
import dev.parley.store.StoredMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.ArrayList;
import java.util.List;

/** Keys are "user\0seq" (seq zero-padded) so one user's mail is a contiguous, ordered range. */
final class MvMailboxStore implements MailboxStore {
    private final MVStore store;
    private final MVMap<String, String> mail;
    /** user -> [count, next seq]; kept beside the messages so the quota check is O(1). */
    private final MVMap<String, long[]> counters;
    private final Blocking blocking;

    MvMailboxStore(MVStore store, Blocking blocking) {
        this.store = store;
        this.mail = store.openMap("mail");
        this.counters = store.openMap("mail-counters");
        this.blocking = blocking;
    }

    @Override
    public Future<Boolean> append(String user, StoredMessage message, int maxMessages) {
        return blocking.run(() -> {
            synchronized (this) {
                long[] c = counters.getOrDefault(user, new long[]{0, 1});
                if (c[0] >= maxMessages) return false;
                long seq = c[1];
                mail.put(key(user, seq), message.withSeq(seq).toJson().encode());
                counters.put(user, new long[]{c[0] + 1, seq + 1});
                store.commit();
                return true;
            }
        });
    }

    @Override
    public Future<List<StoredMessage>> peek(String user, int max) {
        return blocking.read(() -> {
            List<StoredMessage> out = new ArrayList<>();
            String prefix = user + '\0';
            Cursor<String, String> cursor = mail.cursor(prefix);
            while (cursor.hasNext() && out.size() < max) {
                String k = cursor.next();
                if (!k.startsWith(prefix)) break;
                out.add(StoredMessage.fromJson(new JsonObject(cursor.getValue())));
            }
            return out;
        });
    }

    @Override
    public Future<Void> remove(String user, List<Long> seqs) {
        return blocking.run(() -> {
            synchronized (this) {
                int removed = 0;
                for (long seq : seqs) {
                    if (mail.remove(key(user, seq)) != null) removed++;
                }
                long[] c = counters.get(user);
                if (c != null) counters.put(user, new long[]{Math.max(0, c[0] - removed), c[1]});
                store.commit();
                return null;
            }
        });
    }

    private static String key(String user, long seq) {
        return user + '\0' + String.format("%019d", seq);
    }
}
