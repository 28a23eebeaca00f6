package dev.parley.protocol;

/** A request field is missing or unacceptable: the error to answer with, and why in words fit for the client. */
public final class RequestProblem extends Exception {
    private final ChatError error;

    public RequestProblem(ChatError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public ChatError error() {
        return error;
    }

    /** The reply that reports this problem. */
    public Reply reply(Request r) {
        return Reply.fail(r.op(), r.rid(), error, getMessage());
    }
}
