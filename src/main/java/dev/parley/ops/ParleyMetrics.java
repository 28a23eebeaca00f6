package dev.parley.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every metric a node exposes on /metrics, named once here. Hot paths count in batches (one
 * increment per broadcast, not per recipient) so that metrics never show up in a profile.
 */
public final class ParleyMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public final Counter loginsOk = Counter.builder("parley_logins").tag("result", "ok")
            .description("successful logins").register(registry);
    public final Counter loginsFailed = Counter.builder("parley_logins").tag("result", "failed")
            .description("refused logins").register(registry);
    public final Counter groupIn = Counter.builder("parley_messages_in").tag("kind", "group")
            .description("messages accepted from users").register(registry);
    public final Counter privateIn = Counter.builder("parley_messages_in").tag("kind", "private")
            .description("messages accepted from users").register(registry);
    public final Counter groupOut = Counter.builder("parley_messages_out").tag("kind", "group")
            .description("messages written to users' connections").register(registry);
    public final Counter privateOut = Counter.builder("parley_messages_out").tag("kind", "private")
            .description("messages written to users' connections").register(registry);
    public final Counter presenceOut = Counter.builder("parley_messages_out").tag("kind", "presence")
            .description("messages written to users' connections").register(registry);
    public final Counter fanoutDeliveries = Counter.builder("parley_fanout_deliveries")
            .description("group message deliveries to recipients on this node").register(registry);
    public final Counter mailboxStored = Counter.builder("parley_mailbox_stored")
            .description("private messages stored for offline users").register(registry);
    public final Counter mailboxDelivered = Counter.builder("parley_mailbox_delivered")
            .description("stored messages (private and missed group) delivered at login").register(registry);
    public final Counter storeErrors = Counter.builder("parley_store_errors")
            .description("failed operations of the store (Redis in a cluster): answered UNAVAILABLE").register(registry);
    /** Bus bodies dropped by a consumer because a field was missing, mistyped or too large (see BusCheck). */
    public void busInvalid(String consumer) {
        Counter.builder("parley_bus_invalid").tag("consumer", consumer)
                .description("invalid event-bus bodies dropped, by consumer").register(registry).increment();
    }

    public final Timer deliveryLatency = Timer.builder("parley_delivery_latency")
            .description("from accepting a group message to handing it to this node's connections")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    public final DistributionSummary eventLoopLag = DistributionSummary.builder("parley_event_loop_lag_seconds")
            .description("how late a timer fired on a gateway event loop").baseUnit("seconds")
            .publishPercentileHistogram().minimumExpectedValue(0.0001).maximumExpectedValue(10.0)
            .register(registry);

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public void recordDeliveryLatency(long sentAtMillis) {
        long ms = System.currentTimeMillis() - sentAtMillis;
        if (ms >= 0) deliveryLatency.record(ms, TimeUnit.MILLISECONDS);
    }

    /** Counts an audit event by kind (parley_audit_events_total{kind}); one counter per kind, made once. */
    public void audit(String kind) {
        auditCounters.computeIfAbsent(kind, k -> Counter.builder("parley_audit_events")
                .tag("kind", k).description("audit events (logins, drops, admin actions...) by kind")
                .register(registry)).increment();
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Counter> auditCounters = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.concurrent.ConcurrentHashMap<String, Counter> adminCounters = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Counter> accountCounters = new java.util.concurrent.ConcurrentHashMap<>();

    public final Counter adminDenied = Counter.builder("parley_admin_denied")
            .description("admin API requests refused for a missing or wrong token").register(registry);

    /** Counts a completed admin action (parley_admin_actions_total{action}). */
    public void adminAction(String action) {
        adminCounters.computeIfAbsent(action, a -> Counter.builder("parley_admin_actions")
                .tag("action", a).description("admin API actions carried out, by action").register(registry)).increment();
    }

    /** Counts a user's change to their own account (parley_account_changes_total{change}: password, name, delete). */
    public void accountChange(String change) {
        accountCounters.computeIfAbsent(change, c -> Counter.builder("parley_account_changes")
                .tag("change", c).description("users' changes to their own account, by kind").register(registry)).increment();
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Counter> disconnectCounters = new java.util.concurrent.ConcurrentHashMap<>();

    /** Counts a connection closed by the server, by bye reason (parley_disconnects_total{reason}: SLOW_CONSUMER, KICKED...). */
    public void disconnect(String reason) {
        disconnectCounters.computeIfAbsent(reason, r -> Counter.builder("parley_disconnects")
                .tag("reason", r).description("connections closed by the server after a bye, by reason").register(registry))
                .increment();
    }

    /** A gauge with one label, e.g. parley_ready_check{check="store"}. */
    public void gauge(String name, String description, String tag, String value, Supplier<Number> supplier) {
        Gauge.builder(name, supplier).tag(tag, value).description(description).register(registry);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
