package dev.parley.bench;

import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one scenario run measured: its parameters, its figures (name, value, unit), the checks that
 * must hold (lost and duplicated deliveries, errors) and free-form notes. Printed as a table,
 * written as JSON.
 */
public final class BenchResult {
    public record Metric(String name, double value, String unit) {
    }

    private final String scenario;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final List<Metric> metrics = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    BenchResult(String scenario) {
        this.scenario = scenario;
    }

    BenchResult param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    BenchResult metric(String name, double value, String unit) {
        metrics.add(new Metric(name, value, unit));
        return this;
    }

    /** A count that must be zero; a non-zero value fails the run. */
    BenchResult mustBeZero(String name, long value) {
        metric(name, value, "");
        if (value != 0) failures.add(name + " = " + value + " (must be 0)");
        return this;
    }

    BenchResult fail(String why) {
        failures.add(why);
        return this;
    }

    BenchResult note(String text) {
        notes.add(text);
        return this;
    }

    /** Adds another run's parameters, figures, checks and notes, each name prefixed with {@code prefix}. */
    BenchResult include(String prefix, BenchResult other) {
        other.params.forEach((k, v) -> params.put(prefix + k, v));
        for (Metric m : other.metrics) metrics.add(new Metric(prefix + m.name(), m.value(), m.unit()));
        for (String f : other.failures) failures.add(prefix + f);
        for (String n : other.notes) notes.add(prefix + n);
        return this;
    }

    public String scenario() {
        return scenario;
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** The value of a metric, NaN when the run did not produce it. */
    public double get(String name) {
        for (Metric m : metrics) {
            if (m.name().equals(name)) return m.value();
        }
        return Double.NaN;
    }

    public List<Metric> metrics() {
        return List.copyOf(metrics);
    }

    public JsonObject toJson() {
        JsonObject m = new JsonObject();
        for (Metric x : metrics) {
            m.put(x.name(), x.value() == Math.rint(x.value()) && Math.abs(x.value()) < 1e15 ? (Object) (long) x.value() : x.value());
        }
        JsonObject units = new JsonObject();
        for (Metric x : metrics) {
            if (!x.unit().isEmpty()) units.put(x.name(), x.unit());
        }
        return new JsonObject()
                .put("scenario", scenario)
                .put("params", new JsonObject(new LinkedHashMap<>(params)))
                .put("metrics", m)
                .put("units", units)
                .put("passed", passed())
                .put("failures", new io.vertx.core.json.JsonArray(new ArrayList<>(failures)))
                .put("notes", new io.vertx.core.json.JsonArray(new ArrayList<>(notes)));
    }

    public void print(PrintStream out) {
        out.println();
        out.println("parley bench " + scenario);
        StringBuilder p = new StringBuilder();
        params.forEach((k, v) -> p.append(p.length() == 0 ? "  " : ", ").append(k).append('=').append(v));
        out.println(p);
        int width = 10;
        for (Metric m : metrics) width = Math.max(width, m.name().length());
        String line = "-".repeat(width + 2) + "+" + "-".repeat(18) + "+" + "-".repeat(12);
        out.println(line);
        out.printf(Locale.ROOT, " %-" + width + "s | %16s | %s%n", "metric", "value", "unit");
        out.println(line);
        for (Metric m : metrics) {
            out.printf(Locale.ROOT, " %-" + width + "s | %16s | %s%n", m.name(), format(m.value()), m.unit());
        }
        out.println(line);
        for (String n : notes) out.println("  note: " + n);
        if (passed()) out.println("  result: PASS");
        else failures.forEach(f -> out.println("  result: FAIL " + f));
    }

    private static String format(double v) {
        if (Double.isNaN(v)) return "-";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (Math.abs(v) >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
