package dev.parley.bench;

/**
 * Every delivery of a group-traffic run checked at its receiver against (stream, seq): a second copy is a
 * duplicate, a copy of a room the receiver is not in (or of its own message) a misdelivery; after the run,
 * every acknowledged message a member of its room never got is lost. Pure: fed by the scenario's reader.
 */
final class DeliveryCheck {
    enum Outcome { NEW, DUPLICATE, MISDELIVERED }

    private final RoomLayout layout;
    /** Per receiver, per slot (see {@link RoomLayout#slot}), made on the first delivery. */
    private final SeqSet[][] seen;
    long unique;
    long duplicates;
    long misdelivered;

    DeliveryCheck(RoomLayout layout) {
        this.layout = layout;
        this.seen = new SeqSet[layout.users][];
    }

    Outcome deliver(int receiver, int stream, long seq) {
        int slot = layout.slot(receiver, stream);
        if (slot < 0 || layout.streamUser(stream) == receiver) {
            misdelivered++;
            return Outcome.MISDELIVERED;
        }
        SeqSet[] mine = seen[receiver];
        if (mine == null) seen[receiver] = mine = new SeqSet[layout.roomsOf(receiver).length * layout.sendersPerRoom];
        SeqSet set = mine[slot];
        if (set == null) mine[slot] = set = new SeqSet();
        if (!set.add(seq)) {
            duplicates++;
            return Outcome.DUPLICATE;
        }
        unique++;
        return Outcome.NEW;
    }

    /** Deliveries the acknowledged messages owe: each to every other member of its room. */
    long expected(SeqSet[] acked) {
        long n = 0;
        for (int k = 0; k < acked.length; k++) n += acked[k].count() * (layout.members(layout.streamRoom(k)).length - 1);
        return n;
    }

    long lost(SeqSet[] acked) {
        long n = 0;
        for (int k = 0; k < acked.length; k++) {
            int sender = layout.streamUser(k);
            for (int receiver : layout.members(layout.streamRoom(k))) {
                if (receiver == sender) continue;
                SeqSet[] mine = seen[receiver];
                SeqSet got = mine == null ? null : mine[layout.slot(receiver, k)];
                n += got == null ? acked[k].count() : got.missingFrom(acked[k]);
            }
        }
        return n;
    }
}
