package dev.parley.client;

import io.vertx.core.json.JsonObject;
import org.jline.utils.AttributedString;

import java.util.List;
import java.util.function.Consumer;

/** Sends everything the user should see through one formatter to one sink (a terminal or stdout). */
final class Display implements SessionListener {

    private final EventFormatter formatter;
    private final Consumer<AttributedString> sink;

    Display(EventFormatter formatter, Consumer<AttributedString> sink) {
        this.formatter = formatter;
        this.sink = sink;
    }

    @Override
    public void event(JsonObject frame) {
        formatter.event(frame).ifPresent(sink);
    }

    @Override
    public void reply(JsonObject request, JsonObject reply) {
        formatter.reply(request, reply).ifPresent(sink);
    }

    @Override
    public void status(SessionStatus status) {
        sink.accept(formatter.status(status));
    }

    void show(String text) {
        text.lines().forEach(line -> sink.accept(formatter.info(line)));
    }

    /** Shows the outcome of an action that needs no server. */
    void local(Action action, boolean loggedIn, List<JsonObject> missed) {
        if (action instanceof Action.Show show) {
            show(show.text());
        } else if (action instanceof Action.ShowMenu) {
            show(CommandInterpreter.menu(loggedIn));
        } else if (action instanceof Action.ShowMissed) {
            if (missed.isEmpty()) {
                show("no missed messages");
            }
            missed.forEach(this::event);
        } else if (action instanceof Action.Fail fail) {
            reply(Frames.op(fail.op()), Frames.localError(fail.op(), fail.code(), fail.message()));
        }
    }
}
