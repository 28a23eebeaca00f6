package dev.parley.chaos;

import dev.parley.chaos.History.Attempt;
import dev.parley.chaos.History.Delivery;
import dev.parley.chaos.History.Fault;
import dev.parley.chaos.History.KeyCounts;
import dev.parley.chaos.History.Kind;
import dev.parley.chaos.History.Request;
import dev.parley.chaos.History.Result;
import dev.parley.chaos.History.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a finished {@link History} and says which of Parley's promises were broken: acknowledged private
 * messages lost, repeats under another id, messages to the wrong user or from the wrong sender, group
 * messages missed or repeated by members online for the whole window, presence that did not converge,
 * Redis keys beyond their bounds. A pure function of the history, so it is unit-tested on hand-made ones.
 */
final class HistoryChecker {
    /** A group member must stay connected this long after the sender's ok to count as online for the whole window. */
    static final long GROUP_SETTLE_MS = 2_000;
    /** Texts of the catch-up barriers (private messages to oneself); no part of the load. */
    static final String BARRIER_PREFIX = "barrier ";

    /** What the run may hold in Redis: one mailbox and one presence entry per user, a few keys per node. */
    record Bounds(int users, int nodes, long dedupWindowMs) {
    }

    private final Bounds bounds;

    HistoryChecker(Bounds bounds) {
        this.bounds = bounds;
    }

    Verdict check(History h) {
        Verdict v = new Verdict();
        Map<String, Request> byText = new HashMap<>();
        for (Request r : h.requests()) byText.put(r.text(), r);
        Map<String, List<Attempt>> attemptsByCid = h.attempts().stream().collect(Collectors.groupingBy(Attempt::cid));
        Map<String, List<Delivery>> deliveriesByText = new HashMap<>();
        for (Delivery d : h.deliveries()) {
            if (d.text().startsWith(BARRIER_PREFIX)) continue;
            if (!byText.containsKey(d.text())) {
                v.violation("unknown message delivered to " + d.receiver() + ": " + d);
                continue;
            }
            deliveriesByText.computeIfAbsent(d.text(), t -> new ArrayList<>()).add(d);
        }
        for (Request r : byText.values()) {
            List<Attempt> attempts = attemptsByCid.getOrDefault(r.cid(), List.of());
            List<Delivery> delivered = deliveriesByText.getOrDefault(r.text(), List.of());
            switch (r.kind()) {
                case PRIVATE -> checkPrivate(r, attempts, delivered, v);
                case GROUP -> checkGroup(r, attempts, delivered, h, v);
                case ANONYMOUS -> checkAnonymous(r, attempts, delivered, v);
            }
        }
        for (History.Convergence c : h.convergences()) {
            if (c.converged()) v.convergenceMillis.add(c.millis());
            else v.violation("presence did not converge after " + c.afterFault() + ": " + c.difference());
        }
        for (Fault f : h.faults()) {
            if (f.node() == History.CLUSTER) v.membershipEvents++;
            else v.faultsByKind.merge(f.kind(), 1, Integer::sum);
        }
        checkKeys(h, v);
        return v;
    }

    private static void checkPrivate(Request r, List<Attempt> attempts, List<Delivery> delivered, Verdict v) {
        Set<String> ackedIds = okIds(r, attempts, v);
        boolean acked = !ackedIds.isEmpty();
        if (acked) v.privateAcked++;
        Set<String> deliveredIds = new LinkedHashSet<>();
        int toReceiver = 0;
        for (Delivery d : delivered) {
            checkSender(r, d, "private", v);
            if (!d.receiver().equals(r.to())) {
                v.violation("private message " + r.cid() + " for " + r.to() + " delivered to " + d.receiver());
                continue;
            }
            toReceiver++;
            deliveredIds.add(d.id());
        }
        if (deliveredIds.size() > 1) {
            v.violation("private message " + r.cid() + " delivered under several ids " + deliveredIds);
        }
        if (acked && !deliveredIds.isEmpty() && !ackedIds.containsAll(deliveredIds)) {
            v.violation("private message " + r.cid() + " acknowledged as " + ackedIds + " but delivered as " + deliveredIds);
        }
        if (toReceiver > 1) {
            v.privateDuplicated++;
            v.privateExtraDeliveries += toReceiver - 1;
        }
        if (acked && toReceiver == 0) {
            v.privateLost++;
            v.violation("acknowledged private message " + r.cid() + " from " + r.sender() + " never reached " + r.to()
                    + " (acked " + attempts.stream().filter(a -> a.result() == Result.OK).toList() + ")");
        }
        if (!acked && toReceiver > 0) v.privateDeliveredUnacked++;
    }

    private void checkGroup(Request r, List<Attempt> attempts, List<Delivery> delivered, History h, Verdict v) {
        Set<String> ackedIds = okIds(r, attempts, v);
        for (Delivery d : delivered) {
            checkSender(r, d, "group", v);
            if (d.receiver().equals(r.sender())) v.violation("group message " + r.cid() + " echoed to its sender: " + d);
            if (!ackedIds.isEmpty() && !ackedIds.contains(d.id())) {
                v.violation("group message " + r.cid() + " acknowledged as " + ackedIds + " but delivered as " + d.id());
            }
        }
        Attempt ok = attempts.stream().filter(a -> a.result() == Result.OK).findFirst().orElse(null);
        if (ok == null) return;
        v.groupAcked++;
        // The window opens with the first attempt: a retried cid is answered with the reply of the attempt that
        // published it, maybe long before the ok (a session that began in between saw it in an earlier session).
        long from = attempts.stream().mapToLong(Attempt::sentAt).min().orElse(ok.sentAt());
        long until = ok.at() + GROUP_SETTLE_MS;
        for (Session s : h.sessions()) {
            if (s.user().equals(r.sender()) || s.liveAt() > from || s.endAt() < until) continue;
            if (faultDuring(h.faults(), s.node(), from, until) || faultDuring(h.faults(), ok.node(), from, until)) continue;
            long copies = delivered.stream().filter(d -> d.sessionId() == s.sessionId()).count();
            v.groupChecked++;
            if (copies != 1) {
                v.violation("group message " + r.cid() + " from " + r.sender() + " reached " + s.user() + " (session "
                        + s.sessionId() + ", online throughout) " + copies + " times");
            }
        }
    }

    private static void checkAnonymous(Request r, List<Attempt> attempts, List<Delivery> delivered, Verdict v) {
        v.anonymousSent++;
        for (Attempt a : attempts) {
            if (a.result() == Result.OK) v.violation("a request before login was accepted: " + r.cid() + " " + a);
        }
        for (Delivery d : delivered) v.violation("message from a session that was not logged in delivered: " + d);
    }

    private static void checkSender(Request r, Delivery d, String kind, Verdict v) {
        if (!r.sender().equals(d.from())) {
            v.violation(kind + " message " + r.cid() + " sent by " + r.sender() + " delivered as from " + d.from());
        }
        if (!kind.equals(d.kind())) v.violation(kind + " message " + r.cid() + " delivered as kind " + d.kind());
    }

    /** The ids the request was acknowledged with; retries of one cid must all get the same one. */
    private static Set<String> okIds(Request r, List<Attempt> attempts, Verdict v) {
        Set<String> ids = attempts.stream().filter(a -> a.result() == Result.OK).map(Attempt::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (ids.size() > 1) v.violation("retries of " + r.cid() + " acknowledged with different ids " + ids);
        return ids;
    }

    private static boolean faultDuring(List<Fault> faults, int node, long from, long until) {
        for (Fault f : faults) {
            if ((f.node() == node || f.clusterWide()) && f.startAt() <= until && f.endAt() >= from) return true;
        }
        return false;
    }

    private void checkKeys(History h, Verdict v) {
        List<KeyCounts> samples = h.keyCounts();
        for (KeyCounts k : samples) {
            if (k.mailboxes() > bounds.users() || k.mailMeta() > bounds.users() || k.presenceEntries() > bounds.users()) {
                v.violation("more mailboxes or presence entries than users (" + bounds.users() + "): " + k);
            }
            long recentAttempts = h.attempts().stream()
                    .filter(a -> a.sentAt() <= k.at() && a.sentAt() >= k.at() - bounds.dedupWindowMs() - 60_000).count();
            if (k.idempotency() > recentAttempts) {
                v.violation("more idempotency keys than requests in the dedup window (" + recentAttempts + "): " + k);
            }
            long recentNodeFaults = h.faults().stream()
                    .filter(f -> f.node() >= 0 && f.startAt() <= k.at() && f.endAt() >= k.at() - 120_000).count();
            if (k.nodeKeys() > 3L * (bounds.nodes() + recentNodeFaults)) {
                v.violation("node keys beyond 3 per node and recent fault: " + k);
            }
            v.maxKeys = Math.max(v.maxKeys, k.total());
        }
        if (!samples.isEmpty()) {
            KeyCounts last = samples.get(samples.size() - 1);
            if (last.presenceNodeSets() > bounds.nodes()) {
                v.violation("presence sets of nodes that are gone remain after the run: " + last);
            }
        }
    }
}
