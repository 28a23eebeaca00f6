package dev.parley.client;

/** Things the session reports about its connection, as opposed to what the server sends. */
sealed interface SessionStatus {

    /** The link dropped (attempt 1) or a reconnect failed (later attempts); next try after the delay. */
    record Reconnecting(long delayMillis, int attempt) implements SessionStatus {
    }

    /** Back online; {@code user} is logged in again. */
    record Reconnected(String user) implements SessionStatus {
    }

    /** The automatic login after a reconnect was refused for good; the user is logged out. */
    record ReloginFailed(String code, String message) implements SessionStatus {
    }

    /** The connection closed and nothing will reopen it until the next command. */
    record Disconnected() implements SessionStatus {
    }

    /** The server sent a line that is not a JSON object; it was skipped. */
    record BadFrame(String line) implements SessionStatus {
    }
}
