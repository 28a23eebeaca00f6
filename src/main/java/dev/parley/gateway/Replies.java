package dev.parley.gateway;

import dev.parley.protocol.ChatError;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.service.Bus;

/** The one place where a failed service request becomes an error frame for the client. */
final class Replies {
    private Replies() {
    }

    static Reply failure(String op, Request r, Throwable t) {
        ChatError code = Bus.toChatError(t);
        // Internal details stay internal; a user-facing service failure keeps its own words.
        String message = code == ChatError.INTERNAL || code == ChatError.UNAVAILABLE ? code.defaultMessage : t.getMessage();
        return Reply.fail(op, r.rid(), code, message);
    }
}
