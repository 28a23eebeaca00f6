package dev.parley.client;

import dev.parley.client.PendingRequests.Entry;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request correlation on its own: numbering, matching replies, timeouts and a dropped link. */
class RequestTrackerTest {
    private static final long TIMEOUT = 30_000;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<JsonObject> shown = new ArrayList<>();
    private final RequestTracker tracker = new RequestTracker(scheduler, TIMEOUT, (request, reply) -> shown.add(reply));

    private Entry sent(JsonObject request, boolean visible) {
        Entry entry = tracker.track(request, Promise.promise(), visible);
        entry.sent = true;
        return entry;
    }

    @Test
    @DisplayName("requests are numbered in order and only say and msg get a cid")
    void numbering() {
        Entry say = sent(Frames.say("hi"), true);
        Entry who = sent(Frames.who(), true);
        assertEquals("r1", say.request.getString("rid"));
        assertEquals("r2", who.request.getString("rid"));
        assertNotNull(say.request.getString("cid"));
        assertNull(who.request.getString("cid"));
    }

    @Test
    @DisplayName("a reply completes its request and is shown; an unmatched one is left to the caller")
    void answering() {
        Entry who = sent(Frames.who(), true);
        assertTrue(tracker.answer(new JsonObject().put("op", "who").put("ok", true).put("rid", "r1")));
        assertTrue(who.promise.future().succeeded());
        assertEquals(1, shown.size());
        assertFalse(tracker.answer(new JsonObject().put("op", "who").put("ok", true).put("rid", "r9")));
    }

    @Test
    @DisplayName("an unanswered request times out with a local TIMEOUT reply")
    void timeout() {
        Entry say = sent(Frames.say("hi"), true);
        scheduler.fire(TIMEOUT);
        JsonObject reply = say.promise.future().result();
        assertEquals(Frames.TIMEOUT, Frames.errorCode(reply));
        assertTrue(Frames.errorMessage(reply).contains("may or may not have been delivered"));
        assertTrue(tracker.isEmpty());
    }

    @Test
    @DisplayName("when the link drops before a reconnect, resendable requests wait and the rest fail")
    void linkLost() {
        Entry say = sent(Frames.say("hi"), true);
        Entry logout = sent(Frames.logout(), true);
        tracker.linkLost(true);
        assertFalse(say.promise.future().isComplete());
        assertEquals(List.of(say), tracker.unsent());
        assertEquals(Frames.DISCONNECTED, Frames.errorCode(logout.promise.future().result()));
    }

    @Test
    @DisplayName("abandoning completes every request with CLOSED without showing anything")
    void abandon() {
        Entry who = sent(Frames.who(), true);
        tracker.abandonAll();
        assertEquals(Frames.CLOSED, Frames.errorCode(who.promise.future().result()));
        assertTrue(shown.isEmpty());
        assertTrue(scheduler.waiting().isEmpty());
    }
}
