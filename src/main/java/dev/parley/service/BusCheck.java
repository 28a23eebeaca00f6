package dev.parley.service;

import dev.parley.protocol.ChatError;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Checks a bus body before a consumer uses it: required fields, types, sizes. An invalid body is dropped
 * and counted (parley_bus_invalid_total), never thrown on: a consumer must survive whatever reaches it.
 * Usage: {@code if (!BusCheck.of(m).str("user", ID_MAX).accept(m, "presence")) return;}, or with a contract
 * record: {@code JoinRequest join = BusCheck.read(m, "presence", JoinRequest::fromJson); if (join == null) return;}
 */
public final class BusCheck {
    /** Ids the server makes (node ids, session ids, message ids, client cids). */
    public static final int ID_MAX = 256;
    /** User-supplied fields (user ids, names, passwords, texts): the largest frame the gateway may accept. */
    public static final int FIELD_MAX = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(BusCheck.class);
    private static volatile Consumer<String> invalid = consumer -> { };

    private final JsonObject body;
    private final String prefix;
    private String problem;

    private BusCheck(JsonObject body, String prefix, String problem) {
        this.body = body;
        this.prefix = prefix;
        this.problem = problem;
    }

    /** Counts invalid bodies by consumer (metrics). */
    public static void onInvalid(Consumer<String> counter) {
        invalid = counter;
    }

    public static BusCheck of(Message<?> m) {
        return of(m.body());
    }

    public static BusCheck of(Object body) {
        return body instanceof JsonObject o ? new BusCheck(o, "", null)
                : new BusCheck(new JsonObject(), "", "body is not a JSON object");
    }

    /** A required string of at most {@code max} characters. */
    public BusCheck str(String field, int max) {
        return check(field, v -> v instanceof String s && s.length() <= max, "a string of at most " + max + " characters", true);
    }

    public BusCheck optStr(String field, int max) {
        return check(field, v -> v instanceof String s && s.length() <= max, "a string of at most " + max + " characters", false);
    }

    public BusCheck bool(String field) {
        return check(field, v -> v instanceof Boolean, "true or false", true);
    }

    public BusCheck optBool(String field) {
        return check(field, v -> v instanceof Boolean, "true or false", false);
    }

    public BusCheck wholeNumber(String field) {
        return check(field, BusCheck::whole, "a whole number", true);
    }

    public BusCheck optLong(String field) {
        return check(field, BusCheck::whole, "a whole number", false);
    }

    public BusCheck optLongs(String field, int max) {
        return check(field, v -> v instanceof JsonArray a && a.size() <= max && a.stream().allMatch(BusCheck::whole),
                "at most " + max + " whole numbers", false);
    }

    public BusCheck oneOf(String field, Set<String> allowed) {
        return check(field, allowed::contains, "one of " + allowed, true);
    }

    public BusCheck absent(String field) {
        return check(field, v -> false, "absent", false);
    }

    /** A required nested object whose fields {@code rules} check. */
    public BusCheck object(String field, UnaryOperator<BusCheck> rules) {
        check(field, v -> v instanceof JsonObject, "an object", true);
        if (problem == null) problem = rules.apply(new BusCheck(body.getJsonObject(field), prefix + field + ".", null)).problem;
        return this;
    }

    /** The checked body (empty when it was not a JSON object). */
    public JsonObject body() {
        return body;
    }

    public boolean ok() {
        return problem == null;
    }

    /** The first problem found, or null. */
    public String problem() {
        return problem;
    }

    /** True when valid; otherwise counts the body, answers a request with BAD_REQUEST and returns false. */
    public boolean accept(Message<?> m, String consumer) {
        if (problem == null) return true;
        reject(m, consumer, problem);
        return false;
    }

    /** For a contract record's {@code fromJson}: throws {@link InvalidBody} naming the first problem. */
    public void orThrow() {
        if (problem != null) throw new InvalidBody(problem);
    }

    /**
     * The message's body read by a contract record's {@code fromJson}, or null when it is invalid: then
     * it was counted and a request answered with BAD_REQUEST, exactly as {@link #accept} does.
     */
    public static <T> T read(Message<?> m, String consumer, Function<JsonObject, T> fromJson) {
        if (!(m.body() instanceof JsonObject body)) {
            of(m).accept(m, consumer);
            return null;
        }
        try {
            return fromJson.apply(body);
        } catch (InvalidBody e) {
            reject(m, consumer, e.getMessage());
            return null;
        }
    }

    private static void reject(Message<?> m, String consumer, String problem) {
        invalid.accept(consumer);
        if (LOG.isDebugEnabled()) LOG.debug(consumer + ": dropped an invalid bus body from " + m.address() + ": " + problem);
        if (m.replyAddress() != null) Bus.fail(m, ChatError.BAD_REQUEST, "invalid bus body: " + problem);
    }

    private BusCheck check(String field, java.util.function.Predicate<Object> valid, String expected, boolean required) {
        if (problem != null) return this;
        Object v = body.getValue(field);
        if (v == null ? required : !valid.test(v)) problem = prefix + field + ": expected " + expected;
        return this;
    }

    /** A bus body that breaks its contract; the message is the first problem, e.g. "user: expected a string". */
    public static final class InvalidBody extends IllegalArgumentException {
        public InvalidBody(String problem) {
            super(problem);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            // Expected whenever a peer sends garbage: no stack trace to pay for.
            return this;
        }
    }

    private static boolean whole(Object v) {
        return v instanceof Integer || v instanceof Long
                || v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue());
    }
}
