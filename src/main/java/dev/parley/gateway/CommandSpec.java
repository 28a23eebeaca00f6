package dev.parley.gateway;

import dev.parley.protocol.Request;

/** One entry of the command table; login state is checked once, before any handler runs. */
record CommandSpec(String op, boolean allowedBeforeLogin, Handler handler) {

    interface Handler {
        void handle(Connection connection, Request request);
    }
}
