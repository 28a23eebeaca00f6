package dev.parley.gateway;

import dev.parley.protocol.ByeReason;
import dev.parley.protocol.Json;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class RequestFlowTest {
    private long now;
    /** What the flow did to its connection, in order. */
    private final List<String> log = new ArrayList<>();
    private boolean closed;
    private Runnable onRun = () -> { };

    private final RequestFlow.Port port = new RequestFlow.Port() {
        @Override
        public void arrived() {
            log.add("arrived");
        }

        @Override
        public void run(Request request) {
            log.add("run " + request.op());
            onRun.run();
        }

        @Override
        public void refuse(Reply reply) {
            log.add("refuse " + reply.op() + " " + reply.error() + ": " + reply.message());
        }

        @Override
        public void bye(ByeReason reason, String message) {
            log.add("bye " + reason + ": " + message);
            closed = true;
        }

        @Override
        public void welcome() {
            log.add("welcome");
        }

        @Override
        public boolean closed() {
            return closed;
        }
    };

    private final RequestFlow.Reads reads = new RequestFlow.Reads() {
        @Override
        public void pause() {
            log.add("pause");
        }

        @Override
        public void resume() {
            log.add("resume");
        }
    };

    private RequestFlow flow(int perSecond, int burst, int maxInFlight) {
        return new RequestFlow(new Admission(new Admission.Limits(perSecond, burst, maxInFlight, () -> now)), port, reads);
    }

    private static Request op(String op) {
        return new Request(op, null, Json.object());
    }

    /** The log without the "arrived" entries. */
    private List<String> actions() {
        return log.stream().filter(s -> !s.equals("arrived")).toList();
    }

    @Test
    @DisplayName("the token bucket refills on the fake clock: a burst passes, the next is refused, a token later one more passes")
    void tokenBucketRefill() {
        RequestFlow f = flow(10, 3, 64);
        for (int i = 0; i < 4; i++) f.request(op("ping"));
        assertEquals(List.of("run ping", "run ping", "run ping", "refuse ping RATE_LIMITED: too many requests; slow down"),
                actions());
        log.clear();
        now += TimeUnit.MILLISECONDS.toNanos(99);
        f.request(op("ping"));
        assertEquals(List.of("refuse ping RATE_LIMITED: too many requests; slow down"), actions(), "not yet a whole token");
        log.clear();
        now += TimeUnit.MILLISECONDS.toNanos(1);
        f.request(op("ping"));
        f.request(op("ping"));
        assertEquals(List.of("run ping", "refuse ping RATE_LIMITED: too many requests; slow down"), actions());
        log.clear();
        now += TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < 4; i++) f.request(op("ping"));
        assertEquals(3, actions().stream().filter(s -> s.startsWith("run")).count(), "a long pause refills only up to the burst");
    }

    @Test
    @DisplayName("at the in-flight cap reading pauses once; it resumes when answers caught up to half the cap")
    void inFlightCap() {
        RequestFlow f = flow(1000, 1000, 4);
        for (int i = 0; i < 4; i++) f.request(op("say"));
        assertEquals(List.of("run say", "run say", "run say", "pause", "run say"), actions());
        log.clear();
        f.answered();
        assertEquals(List.of(), actions(), "3 still owed");
        f.answered();
        assertEquals(List.of("resume"), actions(), "2 owed = half the cap");
        f.answered();
        f.answered();
        assertEquals(List.of("resume"), actions(), "resumed once");
    }

    @Test
    @DisplayName("requests sent behind a pending login wait, then run in order when it is answered")
    void queuedBehindLoginReleased() {
        RequestFlow f = flow(1000, 1000, 64);
        onRun = () -> {
            if (log.get(log.size() - 1).equals("run login")) f.beginAccountOp();
        };
        f.request(op("login"));
        f.request(op("who"));
        f.request(op("say"));
        assertEquals(List.of("run login"), actions(), "nothing races the login");
        assertEquals(3, log.stream().filter(s -> s.equals("arrived")).count(), "waiting requests still count as activity");
        f.endAccountOp();
        assertEquals(List.of("run login", "run who", "run say"), actions());
    }

    @Test
    @DisplayName("a second login among the waiting requests makes the rest wait again, still in order")
    void secondAccountOpRequeues() {
        RequestFlow f = flow(1000, 1000, 64);
        onRun = () -> {
            String last = log.get(log.size() - 1);
            if (last.equals("run login") || last.equals("run register")) f.beginAccountOp();
        };
        f.request(op("register"));
        f.request(op("login"));
        f.request(op("who"));
        f.endAccountOp();
        f.request(op("say"));
        assertEquals(List.of("run register", "run login"), actions());
        f.endAccountOp();
        assertEquals(List.of("run register", "run login", "run who", "run say"), actions());
    }

    @Test
    @DisplayName("past 64 waiting requests the next is refused RATE_LIMITED, never reordered")
    void queuedBehindLoginRejected() {
        RequestFlow f = flow(1000, 1000, 64);
        f.beginAccountOp();
        for (int i = 0; i < RequestFlow.MAX_WAITING_REQUESTS; i++) f.request(op("who"));
        f.request(op("say"));
        f.request(new Request(null, null, Json.object()));
        assertEquals(List.of("refuse say RATE_LIMITED: too many requests waiting for the login to finish",
                "refuse error RATE_LIMITED: too many requests waiting for the login to finish"), actions());
        log.clear();
        f.endAccountOp();
        assertEquals(RequestFlow.MAX_WAITING_REQUESTS, actions().stream().filter(s -> s.equals("run who")).count(),
                "all that waited run once the login is answered");
    }

    @Test
    @DisplayName("waiting requests are dropped if the connection closes while they are released")
    void releaseStopsWhenClosed() {
        RequestFlow f = flow(1000, 1000, 64);
        f.beginAccountOp();
        f.request(op("logout"));
        f.request(op("who"));
        onRun = () -> closed = true;
        f.endAccountOp();
        assertEquals(List.of("run logout"), actions());
    }

    @Test
    @DisplayName("logout drain: its reply waits for the replies owed before it, reading stops, and later requests are ignored")
    void logoutDrain() {
        RequestFlow f = flow(1000, 1000, 64);
        f.request(op("who"));
        f.request(op("say"));
        f.request(op("logout"));
        Reply bye = Reply.ok("logout", null, null);
        assertEquals(true, f.holdClose(bye), "two replies are still owed");
        assertEquals(List.of("run who", "run say", "run logout", "pause"), actions());
        log.clear();
        f.request(op("msg"));
        assertEquals(List.of(), log, "after a logout nothing runs, nor counts as activity");
        assertNull(f.dueClose());
        f.answered();
        assertNull(f.dueClose(), "one reply still owed before the logout's");
        f.answered();
        assertSame(bye, f.dueClose(), "only the logout itself is left: close now");
        assertNull(f.dueClose(), "handed out once");
        assertEquals(List.of(), actions(), "reading never resumes while closing");
    }

    @Test
    @DisplayName("a logout with nothing else owed closes at once")
    void logoutWithNothingOwed() {
        RequestFlow f = flow(1000, 1000, 64);
        f.request(op("logout"));
        assertEquals(false, f.holdClose(Reply.ok("logout", null, null)));
        assertNull(f.dueClose());
        assertEquals(List.of("run logout"), actions());
    }

    @Test
    @DisplayName("an invalid line is answered BAD_FRAME while tokens last, then the connection is closed")
    void invalidLines() {
        RequestFlow f = flow(1, 2, 64);
        f.invalidLine("not JSON");
        f.invalidLine("not JSON");
        f.invalidLine("not JSON");
        f.invalidLine("not JSON");
        assertEquals(List.of("refuse error BAD_FRAME: not JSON", "refuse error BAD_FRAME: not JSON",
                "bye BAD_FRAME: invalid lines faster than the rate limit"), actions());
        f.request(op("ping"));
        assertEquals(3, actions().size(), "closed: nothing more runs");
    }

    @Test
    @DisplayName("a bad frame closes the connection with the decoder's reason")
    void badFrame() {
        RequestFlow f = flow(1, 2, 64);
        f.badFrame("line longer than 10 bytes");
        assertEquals(List.of("bye BAD_FRAME: line longer than 10 bytes"), actions());
    }
}
