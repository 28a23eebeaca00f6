package dev.parley.client;

import dev.parley.protocol.Fields;
import dev.parley.protocol.JsonRequestEncoder;
import dev.parley.protocol.Ops;
import dev.parley.protocol.Request;
import dev.parley.protocol.SlashGrammar;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** Request frames built by the protocol's grammar and encoder; reply frames read by the protocol's field names. */
final class Frames {

    /** Codes of replies the client makes up itself (see {@link #localError}); no server sends them. */
    static final String CLOSED = "CLOSED";
    static final String TIMEOUT = "TIMEOUT";
    static final String DISCONNECTED = "DISCONNECTED";
    static final String CONNECT_FAILED = "CONNECT_FAILED";
    static final String USAGE = "USAGE";

    private Frames() {
    }

    static JsonObject login(String user, String password) {
        return request(SlashGrammar.LOGIN.request(user, password));
    }

    static JsonObject register(String user, String password, String name) {
        return request(SlashGrammar.REGISTER.request(user, password, name));
    }

    static JsonObject who() {
        return request(SlashGrammar.WHO.request());
    }

    static JsonObject say(String text) {
        return request(SlashGrammar.SAY.request(text));
    }

    /** A message to {@code room}, or to the default room when null. */
    static JsonObject say(String room, String text) {
        JsonObject say = say(text);
        return room == null ? say : say.put(Fields.ROOM, room);
    }

    static JsonObject join(String room) {
        return request(SlashGrammar.JOIN.request(room));
    }

    static JsonObject room(String room) {
        return request(SlashGrammar.ROOM.request(room));
    }

    static JsonObject rooms() {
        return request(SlashGrammar.ROOMS.request());
    }

    static JsonObject msg(String to, String text) {
        return request(SlashGrammar.MSG.request(to, text));
    }

    static JsonObject password(String oldPassword, String newPassword) {
        return request(SlashGrammar.PASSWORD.request(oldPassword, newPassword));
    }

    static JsonObject rename(String name) {
        return request(SlashGrammar.NAME.request(name));
    }

    static JsonObject deleteAccount(String password) {
        return request(SlashGrammar.DELETE_ACCOUNT.request(password));
    }

    static JsonObject ping() {
        return request(SlashGrammar.PING.request());
    }

    static JsonObject logout() {
        return request(SlashGrammar.LOGOUT.request());
    }

    /** The request as the JSON object the session numbers (rid, cid) and sends. */
    static JsonObject request(Request request) {
        return new JsonObject(Buffer.buffer(JsonRequestEncoder.encode(request)));
    }

    static JsonObject op(String op) {
        return new JsonObject().put(Fields.OP, op);
    }

    /** A reply made up by the client itself (timeout, lost connection); marked so it is never mistaken for the server's. */
    static JsonObject localError(String op, String code, String message) {
        return new JsonObject().put(Fields.OP, op).put(Fields.OK, false).put("local", true)
                .put(Fields.ERROR, new JsonObject().put(Fields.CODE, code).put(Fields.MESSAGE, message));
    }

    /** pong carries no "ok" field; it is a success by definition. */
    static boolean ok(JsonObject reply) {
        return reply.getBoolean(Fields.OK, Ops.PONG.equals(reply.getString(Fields.OP)));
    }

    static String errorCode(JsonObject reply) {
        JsonObject error = reply.getJsonObject(Fields.ERROR);
        return error == null ? "UNKNOWN" : error.getString(Fields.CODE, "UNKNOWN");
    }

    static String errorMessage(JsonObject reply) {
        JsonObject error = reply.getJsonObject(Fields.ERROR);
        return error == null ? "" : error.getString(Fields.MESSAGE, "");
    }

    static String op(JsonObject frame) {
        return frame.getString(Fields.OP, "");
    }
}
