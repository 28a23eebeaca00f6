package dev.parley.client;

import io.vertx.core.json.JsonObject;

/** Everything the session wants shown, delivered on the loop in wire order. */
interface SessionListener {

    /** A server-initiated frame (message, presence, notice, bye) or a reply that matched no request. */
    void event(JsonObject frame);

    /** The reply to a user's request, called before the request's future completes. */
    void reply(JsonObject request, JsonObject reply);

    void status(SessionStatus status);
}
