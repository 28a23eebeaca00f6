package dev.parley.service;

import dev.parley.protocol.ChatError;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/** How services fail requests and how callers read those failures: one mapping, both directions. */
public final class Bus {
    private Bus() {
    }

    public static void fail(Message<?> message, ChatError error, String text) {
        message.fail(error.busCode, text == null ? error.defaultMessage : text);
    }

    /** A service failure, for use as a failed future inside a service before replying. */
    public static ServiceException error(ChatError error, String text) {
        return new ServiceException(error, text == null ? error.defaultMessage : text);
    }

    /**
     * Replies with the failure's code when it is a {@link ServiceException}. Any other failure inside a
     * service comes from a dependency (the store, another service): UNAVAILABLE, worth a retry.
     */
    public static void failWith(Message<?> message, Throwable t) {
        if (t instanceof ServiceException se) {
            fail(message, se.error, se.getMessage());
        } else if (t instanceof ReplyException re) {
            ChatError e = toChatError(re);
            fail(message, e, e == ChatError.INTERNAL ? null : re.getMessage());
        } else {
            LOG.warn("service dependency failed: {}", t.toString());
            dependencyFailures.run();
            fail(message, ChatError.UNAVAILABLE, null);
        }
    }

    private static volatile Runnable dependencyFailures = () -> { };

    /** Counts failures of dependencies (the store) for metrics. */
    public static void onDependencyFailure(Runnable hook) {
        dependencyFailures = hook;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Bus.class);

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
