package dev.parley.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchFormatterTest {

    private final BatchFormatter format = new BatchFormatter();

    private String event(String json) {
        return format.event(new JsonObject(json)).orElseThrow().toString();
    }

    private String reply(JsonObject request, String json) {
        return format.reply(request, new JsonObject(json)).orElseThrow().toString();
    }

    @Test
    @DisplayName("group, private and missed messages")
    void messages() {
        assertEquals("message group 300 carol: hello", event("""
                {"op":"message","kind":"group","id":"m1","from":"300","name":"carol","text":"hello","ts":1}"""));
        assertEquals("message private 300 carol: hi", event("""
                {"op":"message","kind":"private","id":"m2","from":"300","name":"carol","to":"100","text":"hi","ts":1}"""));
        assertEquals("missed private 300 carol: while you were out", event("""
                {"op":"message","kind":"private","from":"300","name":"carol","text":"while you were out","offline":true}"""));
    }

    @Test
    @DisplayName("text stays on one line and names stay one token")
    void escapes() {
        assertEquals("message group 300 Carol\\sAnn: two\\nlines, a \\\\ and a\\ttab\\u0007", event("""
                {"op":"message","kind":"group","from":"300","name":"Carol Ann","text":"two\\nlines, a \\\\ and a\\ttab\\u0007"}"""));
        assertEquals("message group 300 -: ", event("""
                {"op":"message","kind":"group","from":300}"""));
    }

    @Test
    @DisplayName("presence, notice and bye")
    void otherEvents() {
        assertEquals("presence online 200 bob", event("""
                {"op":"presence","user":"200","name":"bob","status":"online"}"""));
        assertEquals("presence offline 200 bob", event("""
                {"op":"presence","user":"200","name":"bob","status":"offline"}"""));
        assertEquals("notice HISTORY_TRUNCATED: 12 messages were dropped", event("""
                {"op":"notice","code":"HISTORY_TRUNCATED","message":"12 messages were dropped"}"""));
        assertEquals("bye REPLACED: logged in elsewhere", event("""
                {"op":"bye","reason":"REPLACED","message":"logged in elsewhere"}"""));
        assertEquals("event surprise {\"op\":\"surprise\",\"x\":1}", event("""
                {"op":"surprise","x":1}"""));
    }

    @Test
    @DisplayName("replies: ok with the useful fields, errors with code and message")
    void replies() {
        assertEquals("ok login 100", reply(Frames.login("100", "pw"), """
                {"op":"login","ok":true,"user":"100","name":"scott","online":[]}"""));
        assertEquals("ok register 100", reply(Frames.register("100", "pw", "scott"), """
                {"op":"register","ok":true,"user":"100"}"""));
        assertEquals("ok who 2 200:bob 300:Carol\\sAnn", reply(Frames.who(), """
                {"op":"who","ok":true,"count":2,"online":[{"user":"200","name":"bob"},{"user":"300","name":"Carol Ann"}]}"""));
        assertEquals("ok say m1", reply(Frames.say("x"), """
                {"op":"say","ok":true,"id":"m1","ts":5}"""));
        assertEquals("ok msg 200 delivered m2", reply(Frames.msg("200", "x"), """
                {"op":"msg","ok":true,"id":"m2","ts":5,"stored":false}"""));
        assertEquals("ok msg 300 stored m3", reply(Frames.msg("300", "x"), """
                {"op":"msg","ok":true,"id":"m3","ts":5,"stored":true}"""));
        assertEquals("ok ping", reply(Frames.ping(), """
                {"op":"pong"}"""));
        assertEquals("ok logout", reply(Frames.logout(), """
                {"op":"logout","ok":true}"""));
        assertEquals("error msg NO_SUCH_USER: no user 999", reply(Frames.msg("999", "x"), """
                {"op":"msg","ok":false,"error":{"code":"NO_SUCH_USER","message":"no user 999"}}"""));
        assertEquals("error login BAD_CREDENTIALS: ", reply(Frames.login("1", "2"), """
                {"op":"login","ok":false,"error":{"code":"BAD_CREDENTIALS"}}"""));
    }

    @Test
    @DisplayName("an error reply that matched no request is still one error line")
    void unmatchedError() {
        assertEquals("error say BAD_FRAME: line too long", event("""
                {"op":"say","ok":false,"error":{"code":"BAD_FRAME","message":"line too long"}}"""));
    }

    @Test
    @DisplayName("connection status lines")
    void statuses() {
        assertEquals("status reconnecting 2000", format.status(new SessionStatus.Reconnecting(2000, 3)).toString());
        assertEquals("status reconnected 100", format.status(new SessionStatus.Reconnected("100")).toString());
        assertEquals("status relogin-failed BAD_CREDENTIALS: wrong password",
                format.status(new SessionStatus.ReloginFailed("BAD_CREDENTIALS", "wrong password")).toString());
        assertEquals("status disconnected", format.status(new SessionStatus.Disconnected()).toString());
        assertEquals("error frame BAD_JSON: <html>\\n", format.status(new SessionStatus.BadFrame("<html>\n")).toString());
        assertEquals("error frame BAD_JSON: ".length() + 200 + "...".length(), format.status(new SessionStatus.BadFrame("x".repeat(5000))).length());
    }

    @Test
    @DisplayName("information lines are comments")
    void info() {
        assertEquals("# no missed messages", format.info("no missed messages").toString());
    }

    @Test
    @DisplayName("who tolerates a reply without a list")
    void whoWithoutList() {
        assertEquals("ok who 0", reply(Frames.who(), new JsonObject().put("op", "who").put("ok", true)
                .put("online", new JsonArray()).encode()));
    }
}
