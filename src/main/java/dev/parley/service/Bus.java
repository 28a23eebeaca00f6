package dev.parley.service;

import dev.parley.protocol.ChatError;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * How services read requests, fail them, and how callers read those failures: one mapping, both directions.
 * One instance per node, so each node counts its own failures and invalid bodies.
 */
public final class Bus {
    private static final Logger LOG = LoggerFactory.getLogger(Bus.class);

    private final BusMetrics metrics;

    public Bus(BusMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * The body as a message record ({@code fromJson} checks it), or null after dropping it: counted per
     * consumer, answered BAD_REQUEST when it is a request. A consumer must survive whatever reaches it.
     */
    public <T> T parse(Message<?> m, String consumer, Function<JsonObject, T> fromJson) {
        if (!(m.body() instanceof JsonObject body)) {
            reject(m, consumer, "expected a JSON object");
            return null;
        }
        try {
            return fromJson.apply(body);
        } catch (BusCheck.InvalidBody e) {
            reject(m, consumer, e.getMessage());
            return null;
        }
    }

    private void reject(Message<?> m, String consumer, String problem) {
        metrics.invalidBody(consumer);
        if (LOG.isDebugEnabled()) LOG.debug(consumer + ": dropped an invalid bus body from " + m.address() + ": " + problem);
        if (m.replyAddress() != null) fail(m, ChatError.BAD_REQUEST, "invalid bus body: " + problem);
    }

    /**
     * Answers a request: its body parsed into its record (an invalid body is BAD_REQUEST and counted), then
     * {@code handler}'s outcome replied, or failed as {@link #failWith} says (a handler may also throw a
     * {@link ServiceException}).
     */
    public <R> void answer(Message<JsonObject> m, String consumer, Function<JsonObject, R> parse,
                           Function<R, Future<JsonObject>> handler) {
        R request = parse(m, consumer, parse);
        if (request == null) return;
        Future<JsonObject> result;
        try {
            result = handler.apply(request);
        } catch (ServiceException e) {
            result = Future.failedFuture(e);
        }
        result.onSuccess(m::reply).onFailure(t -> failWith(m, t));
    }

    /**
     * Replies with the failure's code when it is a {@link ServiceException}. Any other failure inside a
     * service comes from a dependency (the store, another service): UNAVAILABLE, worth a retry.
     */
    public void failWith(Message<?> message, Throwable t) {
        if (t instanceof ServiceException se) {
            fail(message, se.error, se.getMessage());
        } else if (t instanceof ReplyException re) {
            ChatError e = toChatError(re);
            fail(message, e, e == ChatError.INTERNAL ? null : re.getMessage());
        } else {
            LOG.warn("service dependency failed: {}", t.toString());
            metrics.dependencyFailed();
            fail(message, ChatError.UNAVAILABLE, null);
        }
    }

    public static void fail(Message<?> message, ChatError error, String text) {
        message.fail(error.busCode, text == null ? error.defaultMessage : text);
    }

    /** A service failure, for use as a failed future inside a service before replying. */
    public static ServiceException error(ChatError error, String text) {
        return new ServiceException(error, text == null ? error.defaultMessage : text);
    }

    /** The error code a client should see for a failed bus request. */
    public static ChatError toChatError(Throwable t) {
        if (t instanceof ServiceException se) return se.error;
        if (t instanceof ReplyException re) {
            if (re.failureType() == ReplyFailure.RECIPIENT_FAILURE) return ChatError.fromBusCode(re.failureCode());
            return ChatError.UNAVAILABLE;
        }
        return ChatError.INTERNAL;
    }

    public static final class ServiceException extends RuntimeException {
        public final ChatError error;

        public ServiceException(ChatError error, String message) {
            super(message, null, false, false);
            this.error = error;
        }
    }
}
