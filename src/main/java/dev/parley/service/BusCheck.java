package dev.parley.service;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Checks a bus body before a consumer uses it: required fields, types, sizes. Message records call
 * {@link #orThrow()} in their {@code fromJson}; {@link Bus#parse} turns the {@link InvalidBody} into a counted drop
 * (parley_bus_invalid_total) and a BAD_REQUEST answer. A consumer must survive whatever reaches it.
 * Usage: {@code BusCheck.of(json).str("user", ID_MAX).orThrow();} in a record's {@code fromJson}.
 */
public final class BusCheck {
    /** Ids the server makes (node ids, session ids, message ids, client cids). */
    public static final int ID_MAX = 256;
    /** User-supplied fields (user ids, names, passwords, texts): the largest frame the gateway may accept. */
    public static final int FIELD_MAX = 1 << 20;

    private final JsonObject body;
    private final String prefix;
    private String problem;

    private BusCheck(JsonObject body, String prefix, String problem) {
        this.body = body;
        this.prefix = prefix;
        this.problem = problem;
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

    /** A required whole number. */
    public BusCheck whole(String field) {
        return check(field, BusCheck::whole, "a whole number", true);
    }

    /** An optional whole number that fits an int. */
    public BusCheck optInt(String field) {
        return check(field, v -> whole(v) && ((Number) v).doubleValue() == ((Number) v).intValue(), "a whole number (32 bits)", false);
    }

    public BusCheck optLong(String field) {
        return check(field, BusCheck::whole, "a whole number", false);
    }

    public BusCheck optLongs(String field, int max) {
        return check(field, v -> v instanceof JsonArray a && a.size() <= max && a.stream().allMatch(BusCheck::whole),
                "at most " + max + " whole numbers", false);
    }

    /** An optional array of at most {@code max} strings of at most {@code maxChars} characters each. */
    public BusCheck optStrs(String field, int max, int maxChars) {
        return check(field, v -> v instanceof JsonArray a && a.size() <= max
                        && a.stream().allMatch(x -> x instanceof String s && s.length() <= maxChars),
                "at most " + max + " strings of at most " + maxChars + " characters", false);
    }

    /** An optional array of at most {@code max} objects, each checked by {@code rules}. */
    public BusCheck optObjects(String field, int max, UnaryOperator<BusCheck> rules) {
        check(field, v -> v instanceof JsonArray a && a.size() <= max, "at most " + max + " items", false);
        JsonArray items = problem == null ? body.getJsonArray(field) : null;
        for (int i = 0; items != null && i < items.size() && problem == null; i++) {
            String where = prefix + field + "[" + i + "]";
            problem = items.getValue(i) instanceof JsonObject o ? rules.apply(new BusCheck(o, where + ".", null)).problem
                    : where + ": expected an object";
        }
        return this;
    }

    /** An optional object whose values are whole numbers (e.g. counts by name). */
    public BusCheck optCounts(String field) {
        return check(field, v -> v instanceof JsonObject o && o.stream().allMatch(e -> whole(e.getValue())),
                "an object of whole numbers", false);
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

    /** The checked body; throws {@link InvalidBody} naming the first problem when there was one. */
    public JsonObject orThrow() {
        if (problem != null) throw new InvalidBody(problem);
        return body;
    }

    private BusCheck check(String field, Predicate<Object> valid, String expected, boolean required) {
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
