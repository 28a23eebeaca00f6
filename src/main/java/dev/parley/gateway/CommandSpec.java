package dev.parley.gateway;

import dev.parley.protocol.Request;

/** One entry of the command table; login state is checked once, before any handler runs. */
record CommandSpec<C>(String op, boolean allowedBeforeLogin, Handler<C> handler) {

    interface Handler<C> {
        void handle(C caller, Request request);
    }
}
