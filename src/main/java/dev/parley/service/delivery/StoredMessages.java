package dev.parley.service.delivery;

import dev.parley.service.BusCheck;

/** The fields every delivered message carries (the "to" rule differs between group and private). */
final class StoredMessages {
    private StoredMessages() {
    }

    static BusCheck check(BusCheck m) {
        return m.str("id", BusCheck.ID_MAX).str("from", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX)
                .str("text", BusCheck.FIELD_MAX).optLong("ts").optLong("seq");
    }
}
