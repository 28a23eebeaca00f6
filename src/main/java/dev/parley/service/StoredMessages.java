package dev.parley.service;

import dev.parley.store.StoredMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Lists of {@link StoredMessage} inside bus messages: their shape, checked on the way in. */
public final class StoredMessages {
    private StoredMessages() {
    }

    /** The fields of one stored message, as {@link StoredMessage#toJson()} writes them. */
    public static BusCheck rules(BusCheck m) {
        return m.str("id", BusCheck.ID_MAX).str("from", BusCheck.FIELD_MAX).optStr("name", BusCheck.FIELD_MAX)
                .optStr("to", BusCheck.FIELD_MAX).str("text", BusCheck.FIELD_MAX).optLong("ts").optLong("seq");
    }

    public static JsonArray toJson(List<StoredMessage> messages) {
        JsonArray out = new JsonArray();
        for (StoredMessage s : messages) out.add(s.toJson());
        return out;
    }

    /** Call after {@link #rules} passed on every item. */
    public static List<StoredMessage> fromJson(JsonArray items) {
        List<StoredMessage> out = new ArrayList<>();
        if (items != null) items.forEach(o -> out.add(StoredMessage.fromJson((JsonObject) o)));
        return List.copyOf(out);
    }
}
