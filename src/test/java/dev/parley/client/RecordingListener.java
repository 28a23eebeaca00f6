package dev.parley.client;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Remembers what the session reported, rendered in the batch format so assertions read naturally. */
final class RecordingListener implements SessionListener {

    private final BatchFormatter format = new BatchFormatter();
    final List<String> lines = new ArrayList<>();
    final List<SessionStatus> statuses = new ArrayList<>();

    @Override
    public void event(JsonObject frame) {
        format.event(frame).ifPresent(line -> lines.add(line.toString()));
    }

    @Override
    public void reply(JsonObject request, JsonObject reply) {
        format.reply(request, reply).ifPresent(line -> lines.add(line.toString()));
    }

    @Override
    public void status(SessionStatus status) {
        statuses.add(status);
        lines.add(format.status(status).toString());
    }
}
