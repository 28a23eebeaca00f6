package dev.parley.e2e;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one series of a node's Prometheus page (the ops port's /metrics). */
final class Metrics {
    private Metrics() {
    }

    /** The value of {@code series} (name and labels exactly as printed); fails when the page does not have it. */
    static double value(int opsPort, String series) {
        String text = Http.get(opsPort, "/metrics").body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
        if (!m.find()) throw new AssertionError(series + " not in /metrics:\n" + text);
        return Double.parseDouble(m.group(1));
    }
}
