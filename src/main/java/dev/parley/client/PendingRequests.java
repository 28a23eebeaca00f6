package dev.parley.client;

import dev.parley.protocol.Fields;
import dev.parley.protocol.Ops;

import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests waiting for their reply, in the order they were made. */
final class PendingRequests {

    /** One request; {@code visible} is false for the session's own traffic (the login after a reconnect). */
    static final class Entry {
        final String rid;
        final JsonObject request;
        final Promise<JsonObject> promise;
        final boolean visible;
        Runnable cancelTimer = () -> { };
        boolean sent;

        Entry(String rid, JsonObject request, Promise<JsonObject> promise, boolean visible) {
            this.rid = rid;
            this.request = request;
            this.promise = promise;
            this.visible = visible;
        }

        String op() {
            return Frames.op(request);
        }
    }

    private final Map<String, Entry> byRid = new LinkedHashMap<>();

    Entry add(String rid, JsonObject request, Promise<JsonObject> promise, boolean visible) {
        Entry entry = new Entry(rid, request, promise, visible);
        byRid.put(rid, entry);
        return entry;
    }

    /**
     * Removes and returns the request {@code reply} answers: by echoed rid, or, for a server that
     * does not echo it, the oldest sent request of the same op (pong answers ping).
     */
    Entry take(JsonObject reply) {
        Object rid = reply.getValue(Fields.RID);
        if (rid != null) {
            return byRid.remove(String.valueOf(rid));
        }
        String op = Frames.op(reply);
        if (!reply.containsKey(Fields.OK) && !Ops.PONG.equals(op)) {
            return null;
        }
        String wanted = Ops.PONG.equals(op) ? Ops.PING : op;
        for (Iterator<Entry> it = byRid.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.sent && entry.op().equals(wanted)) {
                it.remove();
                return entry;
            }
        }
        return null;
    }

    Entry remove(String rid) {
        return byRid.remove(rid);
    }

    List<Entry> sent() {
        return byRid.values().stream().filter(e -> e.sent).toList();
    }

    List<Entry> unsent() {
        return byRid.values().stream().filter(e -> !e.sent).toList();
    }

    List<Entry> removeAll() {
        List<Entry> all = new ArrayList<>(byRid.values());
        byRid.clear();
        return all;
    }

    boolean isEmpty() {
        return byRid.isEmpty();
    }
}
