package dev.parley.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every metric a node exposes on /metrics, named once here. Hot paths count in batches (one
 * increment per broadcast, not per recipient) so that metrics never show up in a profile.
 */
public final class ParleyMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public final Counter loginsOk = counter("parley_logins", "successful logins", "result", "ok");
    public final Counter loginsFailed = counter("parley_logins", "refused logins", "result", "failed");
    public final Counter groupIn = counter("parley_messages_in", "messages accepted from users", "kind", "group");
    public final Counter privateIn = counter("parley_messages_in", "messages accepted from users", "kind", "private");
    public final Counter groupOut = counter("parley_messages_out", "messages written to users' connections", "kind", "group");
    public final Counter privateOut = counter("parley_messages_out", "messages written to users' connections", "kind", "private");
    public final Counter presenceOut = counter("parley_messages_out", "messages written to users' connections", "kind", "presence");
    public final Counter fanoutDeliveries = counter("parley_fanout_deliveries", "group message deliveries to recipients on this node");
    public final Counter mailboxStored = counter("parley_mailbox_stored", "private messages stored for offline users");
    public final Counter mailboxDelivered = counter("parley_mailbox_delivered", "stored messages (private and missed group) delivered at login");
    public final Counter adminDenied = counter("parley_admin_denied", "admin API requests refused for a missing or wrong token");
    public final Counter storeErrors = counter("parley_store_errors", "failed operations of the store (Redis in a cluster): answered UNAVAILABLE");
    public final Counter busReregistrations = counter("parley_bus_reregistrations",
            "consumers registered again because the cluster's bus registry had lost this node's registration (issue 16)");
    public final Counter onlineListsRead = counter("parley_online_lists", "online lists (login replies, who) by where they came from",
            "source", "store");
    public final Counter onlineListsShared = counter("parley_online_lists", "online lists (login replies, who) by where they came from",
            "source", "shared");
    public final Counter departuresQueued = counter("parley_departures_queued",
            "departures (presence LEAVEs) that waited for one of limits.accountOpsInFlight slots: a mass disconnect queues at the gateway, not in the store's pool");
    public final Counter presenceBatches = counter("parley_presence_batches",
            "batches of arrivals and departures for everyone handed to this node's connections (see limits.presenceBatchMs)");
    private final ByLabel busInvalid = new ByLabel("parley_bus_invalid", "consumer",
            "invalid event-bus bodies dropped, by consumer");
    private final ByLabel auditEvents = new ByLabel("parley_audit_events", "kind",
            "audit events (logins, drops, admin actions...) by kind");
    private final ByLabel adminActions = new ByLabel("parley_admin_actions", "action",
            "admin API actions carried out, by action");
    private final ByLabel accountChanges = new ByLabel("parley_account_changes", "change",
            "users' changes to their own account, by kind");
    private final ByLabel disconnects = new ByLabel("parley_disconnects", "reason",
            "connections closed by the server after a bye, by reason");

    /** Bus bodies dropped by a consumer because a field was missing, mistyped or too large (see BusCheck). */
    public void busInvalid(String consumer) {
        busInvalid.increment(consumer);
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

    /** Counts a login's or who's online list: read from the store, or shared with others (see limits.onlineListCacheMs). */
    public void onlineList(boolean shared) {
        (shared ? onlineListsShared : onlineListsRead).increment();
    }

    /** Counts an audit event by kind (parley_audit_events_total{kind}). */
    public void audit(String kind) {
        auditEvents.increment(kind);
    }

    /** Counts a completed admin action (parley_admin_actions_total{action}). */
    public void adminAction(String action) {
        adminActions.increment(action);
    }

    /** Counts a user's change to their own account (parley_account_changes_total{change}: password, name, delete). */
    public void accountChange(String change) {
        accountChanges.increment(change);
    }

    /** Counts a connection closed by the server, by bye reason (parley_disconnects_total{reason}: SLOW_CONSUMER, KICKED...). */
    public void disconnect(String reason) {
        disconnects.increment(reason);
    }

    /** A gauge with one label, e.g. parley_ready_check{check="store"}. */
    public void gauge(String name, String description, String tag, String value, Supplier<Number> supplier) {
        Gauge.builder(name, supplier).tag(tag, value).description(description).register(registry);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).tags(tags).description(description).register(registry);
    }

    /** Counters of one metric, one per value of its label, each made once on first use. */
    private final class ByLabel {
        private final String name;
        private final String label;
        private final String description;
        private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

        ByLabel(String name, String label, String description) {
            this.name = name;
            this.label = label;
            this.description = description;
        }

        void increment(String value) {
            counters.computeIfAbsent(value, v -> counter(name, description, label, v)).increment();
        }
    }
}
