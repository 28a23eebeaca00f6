package dev.parley.client;

import io.vertx.core.Future;

/** Opens connections to the server; an interface so the session can be tested over a fake. */
interface Connector {

    /** Connects; lines and the final close are reported to {@code lines} on the session's loop. */
    Future<Link> connect(Lines lines);

    /** One open connection. */
    interface Link {
        /** Sends one frame; the newline is added here. */
        void send(String line);

        void close();
    }

    /** What arrives on a connection. */
    interface Lines {
        void line(String line);

        /** Called exactly once, whoever closed the connection. */
        void closed();
    }
}
