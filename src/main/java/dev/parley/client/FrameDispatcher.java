package dev.parley.client;

import dev.parley.protocol.Fields;
import dev.parley.protocol.Ops;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Sorts what the server sends: replies go to the request they answer, events (once each) to the login state and
 * then to the listener. Confined to the session's loop.
 */
final class FrameDispatcher {

    private final RequestTracker requests;
    private final LoginState login;
    private final CurrentRoom room;
    private final SessionListener listener;
    /** Private messages may arrive twice (live, then from the mailbox), always with the same id: shown once. */
    private final SeenIds seenPrivate = new SeenIds(LoginState.MAX_MISSED);

    FrameDispatcher(RequestTracker requests, LoginState login, CurrentRoom room, SessionListener listener) {
        this.requests = requests;
        this.login = login;
        this.room = room;
        this.listener = listener;
    }

    void line(String line) {
        // Servers before issue 13 greeted a silent connection in text ("* Welcome ..."): not for us.
        if (line.isBlank() || line.startsWith("* ")) {
            return;
        }
        JsonObject frame;
        try {
            frame = new JsonObject(line);
        } catch (DecodeException | ClassCastException notAnObject) {
            listener.status(new SessionStatus.BadFrame(line));
            return;
        }
        String op = Frames.op(frame);
        // a topic frame is an event without ok and the reply to a topic request with it
        if (Ops.isEvent(op, frame.containsKey(Fields.OK))) {
            event(frame, op);
        } else if (!requests.answer(frame) && !op.equals(Ops.PONG)) {
            listener.event(frame);
        }
    }

    private void event(JsonObject frame, String op) {
        if (op.equals(Ops.MESSAGE) && Fields.KIND_PRIVATE.equals(frame.getString(Fields.KIND))
                && frame.getValue(Fields.ID) instanceof String id && !seenPrivate.firstTime(id)) {
            return;
        }
        room.event(frame, op, login.user());
        login.event(frame, op);
        listener.event(frame);
    }
}
