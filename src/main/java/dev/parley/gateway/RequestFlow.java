package dev.parley.gateway;

import dev.parley.protocol.ByeReason;
import dev.parley.protocol.ChatError;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;

import java.util.ArrayList;
import java.util.List;

/**
 * When each of a connection's decoded requests runs: now, after the register/login under way, or
 * never (rate limited, too many waiting, sent after a logout). Stops reading while too many answers
 * are owed, holds a logout's reply until the requests sent before it were answered, and answers or
 * closes on input that is no request.
 */
final class RequestFlow implements RequestDecoder.Sink {

    /** What the flow does to its connection. */
    interface Port {
        /** A request was taken in (counts as activity for the idle deadline). */
        void arrived();

        void run(Request request);

        /** Answers a request that was not admitted: it owes no in-flight slot back. */
        void refuse(Reply reply);

        void bye(ByeReason reason, String message);

        /** Welcomes a person whose first line was no command (Parley never speaks first: see docs/protocol.md). */
        void welcome();

        boolean closed();
    }

    /** The connection's socket reads. */
    interface Reads {
        void pause();

        void resume();
    }

    /** Requests that may wait behind a register/login; past this they are refused, never reordered. */
    static final int MAX_WAITING_REQUESTS = 64;

    private final Admission admission;
    private final Port port;
    private final Reads reads;
    private List<Request> waiting;
    private boolean accountOpInFlight;
    /** A logout waiting for the replies to the requests sent before it. */
    private Reply closingWith;
    private boolean readingPaused;

    RequestFlow(Admission admission, Port port, Reads reads) {
        this.admission = admission;
        this.port = port;
        this.reads = reads;
    }

    @Override
    public void request(Request request) {
        if (!port.closed()) offer(request);
    }

    /** A line that is no request costs a token too, and is answered; garbage faster than the rate limit closes. */
    @Override
    public void invalidLine(String message) {
        if (port.closed()) return;
        if (admission.chargeInvalid()) {
            port.refuse(Reply.fail("error", null, ChatError.BAD_FRAME, message));
        } else {
            port.bye(ByeReason.BAD_FRAME, "invalid lines faster than the rate limit");
        }
    }

    @Override
    public void badFrame(String detail) {
        port.bye(ByeReason.BAD_FRAME, detail);
    }

    @Override
    public void newcomer() {
        if (!port.closed()) port.welcome();
    }

    private void offer(Request request) {
        if (closingWith != null) return;   // logged out: what follows the logout is not run
        port.arrived();
        if (accountOpInFlight) {
            // Pipelined commands wait for a register/login outcome instead of racing it.
            if (waiting == null) waiting = new ArrayList<>();
            if (waiting.size() < MAX_WAITING_REQUESTS) {
                waiting.add(request);
            } else {
                port.refuse(rateLimited(request, "too many requests waiting for the login to finish"));
            }
            return;
        }
        if (admission.admit() == Admission.Verdict.RATE_LIMITED) {
            port.refuse(rateLimited(request, "too many requests; slow down"));
            return;
        }
        if (admission.full() && !readingPaused) {
            // Back-pressure instead of an unbounded backlog: stop reading until answers catch up.
            readingPaused = true;
            reads.pause();
        }
        port.run(request);
    }

    /** An admitted request was answered: reading resumes once answers caught up to half the cap. */
    void answered() {
        admission.answered();
        if (admission.drained() && readingPaused && closingWith == null) {
            readingPaused = false;
            reads.resume();
        }
    }

    /**
     * A logout is answered with {@code last}: true when requests sent before it are still being answered,
     * so it is held (see {@link #dueClose}) and reading stops; false when it may close now.
     */
    boolean holdClose(Reply last) {
        if (admission.inFlight() <= 1) return false;
        closingWith = last;
        readingPaused = true;
        reads.pause();
        return true;
    }

    /** The held logout reply once only the logout itself is left unanswered (then forgotten), else null. */
    Reply dueClose() {
        if (closingWith == null || admission.inFlight() > 1) return null;
        Reply last = closingWith;
        closingWith = null;
        return last;
    }

    /** A register or login is under way: later requests wait for its answer. */
    void beginAccountOp() {
        accountOpInFlight = true;
    }

    /** The register/login was answered (either way): run the requests that arrived meanwhile, in order. */
    void endAccountOp() {
        accountOpInFlight = false;
        List<Request> queued = waiting;
        waiting = null;
        if (queued == null) return;
        for (int i = 0; i < queued.size(); i++) {
            if (port.closed()) return;
            offer(queued.get(i));
            if (accountOpInFlight) {
                // Another account op started: the rest waits again, in order.
                List<Request> rest = new ArrayList<>(queued.subList(i + 1, queued.size()));
                if (waiting != null) rest.addAll(waiting);
                waiting = rest;
                return;
            }
        }
    }

    private static Reply rateLimited(Request request, String why) {
        return Reply.fail(request.op() == null ? "error" : request.op(), request.rid(), ChatError.RATE_LIMITED, why);
    }
}
