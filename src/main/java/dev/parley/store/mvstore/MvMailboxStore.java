package dev.parley.store.mvstore;

import dev.parley.store.Blocking;
import dev.parley.store.MailboxQuota;
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
    /**
     * user -> [count, next seq, bytes]; kept beside the messages so the quota check is O(1). Entries written
     * before the byte quota existed have two elements: their bytes and sender counts are rebuilt once.
     */
    private final MVMap<String, long[]> counters;
    /** "user\0sender" -> messages from sender in user's mailbox, for the per-sender cap. */
    private final MVMap<String, Long> senders;
    private final Blocking blocking;

    MvMailboxStore(MVStore store, Blocking blocking) {
        this.store = store;
        this.mail = store.openMap("mail");
        this.counters = store.openMap("mail-counters");
        this.senders = store.openMap("mail-senders");
        this.blocking = blocking;
    }

    @Override
    public Future<Append> append(String user, StoredMessage message, MailboxQuota quota) {
        return blocking.run(() -> {
            synchronized (this) {
                long[] c = counters(user);
                if (c[0] >= quota.maxMessages()) return Append.FULL;
                int size = message.sizeBytes();
                if (c[2] + size > quota.maxBytes()) return Append.FULL_BYTES;
                String senderKey = senderKey(user, message.from());
                long fromSender = senders.getOrDefault(senderKey, 0L);
                if (fromSender >= quota.maxPerSender()) return Append.SENDER_CAP;
                long seq = c[1];
                mail.put(key(user, seq), message.withSeq(seq).toJson().encode());
                counters.put(user, new long[]{c[0] + 1, seq + 1, c[2] + size});
                senders.put(senderKey, fromSender + 1);
                store.commit();
                return Append.STORED;
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
                if (!counters.containsKey(user)) return null;
                long[] c = counters(user);
                long count = c[0];
                long bytes = c[2];
                for (long seq : seqs) {
                    String removed = mail.remove(key(user, seq));
                    if (removed == null) continue;
                    StoredMessage m = StoredMessage.fromJson(new JsonObject(removed));
                    count--;
                    bytes -= m.sizeBytes();
                    String senderKey = senderKey(user, m.from());
                    long left = senders.getOrDefault(senderKey, 1L) - 1;
                    if (left > 0) senders.put(senderKey, left);
                    else senders.remove(senderKey);
                }
                counters.put(user, new long[]{Math.max(0, count), c[1], Math.max(0, bytes)});
                store.commit();
                return null;
            }
        });
    }

    /** The user's counters, rebuilding bytes and sender counts from the messages for an entry of the old shape. */
    private long[] counters(String user) {
        long[] c = counters.getOrDefault(user, new long[]{0, 1, 0});
        if (c.length >= 3) return c;
        long count = 0;
        long bytes = 0;
        String prefix = user + '\0';
        Cursor<String, String> cursor = mail.cursor(prefix);
        while (cursor.hasNext()) {
            if (!cursor.next().startsWith(prefix)) break;
            StoredMessage m = StoredMessage.fromJson(new JsonObject(cursor.getValue()));
            count++;
            bytes += m.sizeBytes();
            senders.merge(senderKey(user, m.from()), 1L, Long::sum);
        }
        long[] rebuilt = {count, c[1], bytes};
        counters.put(user, rebuilt);
        return rebuilt;
    }

    private static String key(String user, long seq) {
        return user + '\0' + String.format("%019d", seq);
    }

    private static String senderKey(String user, String sender) {
        return user + '\0' + sender;
    }
}
