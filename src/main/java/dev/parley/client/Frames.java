package dev.parley.client;

import io.vertx.core.json.JsonObject;

/** Builds request frames and reads reply frames of the Parley JSON-lines protocol. */
final class Frames {

    private Frames() {
    }

    static JsonObject login(String user, String password) {
        return new JsonObject().put("op", "login").put("user", user).put("password", password);
    }

    static JsonObject register(String user, String password, String name) {
        return new JsonObject().put("op", "register").put("user", user).put("password", password).put("name", name);
    }

    static JsonObject who() {
        return op("who");
    }

    static JsonObject say(String text) {
        return op("say").put("text", text);
    }

    static JsonObject msg(String to, String text) {
        return op("msg").put("to", to).put("text", text);
    }

    static JsonObject password(String oldPassword, String newPassword) {
        return op("password").put("old", oldPassword).put("new", newPassword);
    }

    static JsonObject rename(String name) {
        return op("rename").put("name", name);
    }

    static JsonObject deleteAccount(String password) {
        return op("delete_account").put("password", password);
    }

    static JsonObject ping() {
        return op("ping");
    }

    static JsonObject logout() {
        return op("logout");
    }

    static JsonObject op(String op) {
        return new JsonObject().put("op", op);
    }

    /** A reply made up by the client itself (timeout, lost connection); marked so it is never mistaken for the server's. */
    static JsonObject localError(String op, String code, String message) {
        return new JsonObject().put("op", op).put("ok", false).put("local", true)
                .put("error", new JsonObject().put("code", code).put("message", message));
    }

    /** pong carries no "ok" field; it is a success by definition. */
    static boolean ok(JsonObject reply) {
        return reply.getBoolean("ok", "pong".equals(reply.getString("op")));
    }

    static String errorCode(JsonObject reply) {
        JsonObject error = reply.getJsonObject("error");
        return error == null ? "UNKNOWN" : error.getString("code", "UNKNOWN");
    }

    static String errorMessage(JsonObject reply) {
        JsonObject error = reply.getJsonObject("error");
        return error == null ? "" : error.getString("message", "");
    }

    static String op(JsonObject frame) {
        return frame.getString("op", "");
    }
}
