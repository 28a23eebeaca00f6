package dev.parley.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Everything a chaos run did and saw, appended from many threads, read once by {@link HistoryChecker}.
 * Times are milliseconds on one monotonic clock ({@link #now()}), so spans from different threads compare.
 */
final class History {
    enum Kind { PRIVATE, GROUP, ANONYMOUS }

    enum Result { OK, ERROR, TIMEOUT, CUT }

    /** One message a simulated user meant to send; retries of it share the cid. */
    record Request(String cid, Kind kind, String sender, String to, String text, long sentAt) {
    }

    /** One attempt at a request: its reply (or lack of one), on the session that sent it. */
    record Attempt(String cid, long sessionId, int node, Result result, String code, String id, boolean stored,
                   long sentAt, long at) {
    }

    /** A message frame received by a session logged in as {@code receiver}. */
    record Delivery(long sessionId, String receiver, int node, String id, String kind, String from, String to,
                    String text, boolean offline, long at) {
    }

    /** A logged-in session: live (login caught up) from {@code liveAt}, gone at {@code endAt}. */
    record Session(long sessionId, String user, int node, long liveAt, long endAt, String endReason) {
    }

    /**
     * A fault and the time it was healed; node -1 is Redis, -2 one client's connection. Cluster-wide faults
     * (Redis, a member lost) may keep group messages from crossing between any two nodes while they last.
     */
    record Fault(String kind, int node, long startAt, long endAt, boolean clusterWide) {
    }

    /** After a fault healed: how long until presence everywhere equalled the truth (or the last difference seen). */
    record Convergence(String afterFault, long millis, boolean converged, String difference) {
    }

    /** Redis key counts by family at one moment. */
    record KeyCounts(long at, int mailboxes, int mailMeta, int presenceEntries, int presenceNodeSets,
                     int nodeKeys, int idempotency, int total) {
    }

    /** The node number of faults on Redis. */
    static final int REDIS = -1;
    /** The node number of faults on one client's connection (they end that session only). */
    static final int CLIENT = -2;

    /** The node number of membership changes read from the nodes' logs (any node may be affected). */
    static final int CLUSTER = -3;

    private static final long ORIGIN = System.nanoTime();
    /** The wall clock at {@link #ORIGIN}, to place events read from the nodes' logs on this history's clock. */
    static final long ORIGIN_EPOCH_MS = System.currentTimeMillis();

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Session> sessions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Convergence> convergences = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<KeyCounts> keyCounts = new ConcurrentLinkedQueue<>();

    static long now() {
        return (System.nanoTime() - ORIGIN) / 1_000_000;
    }

    void request(Request r) {
        requests.add(r);
    }

    void attempt(Attempt a) {
        attempts.add(a);
    }

    void delivery(Delivery d) {
        deliveries.add(d);
    }

    void session(Session s) {
        sessions.add(s);
    }

    void fault(Fault f) {
        faults.add(f);
    }

    void convergence(Convergence c) {
        convergences.add(c);
    }

    void keyCounts(KeyCounts k) {
        keyCounts.add(k);
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    List<Attempt> attempts() {
        return new ArrayList<>(attempts);
    }

    List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    List<Session> sessions() {
        return new ArrayList<>(sessions);
    }

    List<Fault> faults() {
        return new ArrayList<>(faults);
    }

    List<Convergence> convergences() {
        return new ArrayList<>(convergences);
    }

    List<KeyCounts> keyCounts() {
        return new ArrayList<>(keyCounts);
    }
}
