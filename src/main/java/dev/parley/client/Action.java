package dev.parley.client;

import io.vertx.core.json.JsonObject;

/** What one line of user input asks the client to do. */
sealed interface Action {

    /** Send a protocol request. */
    record Send(JsonObject request) implements Action {
    }

    /** Show text (help, hints); may span several lines. */
    record Show(String text) implements Action {
    }

    /** Show the numbered menu for the current state. */
    record ShowMenu() implements Action {
    }

    /** Show the messages that arrived from the offline mailbox at this login. */
    record ShowMissed() implements Action {
    }

    /** A problem found without asking the server, reported like an error reply. */
    record Fail(String op, String code, String message) implements Action {
    }

    /** Nothing to do but ask the next question. */
    record Continue() implements Action {
    }

    /** Log out if needed and leave. */
    record Quit() implements Action {
    }
}
