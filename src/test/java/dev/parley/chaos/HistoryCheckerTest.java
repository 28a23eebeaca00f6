package dev.parley.chaos;

import dev.parley.chaos.History.Attempt;
import dev.parley.chaos.History.Delivery;
import dev.parley.chaos.History.Kind;
import dev.parley.chaos.History.Request;
import dev.parley.chaos.History.Result;
import dev.parley.chaos.History.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker on hand-made histories: each broken promise must be reported, and a clean history must pass. */
class HistoryCheckerTest {
    private final History h = new History();
    private final HistoryChecker checker = new HistoryChecker(new HistoryChecker.Bounds(4, 3, 300_000));

    @Test
    @DisplayName("a history where every promise holds passes, and its figures are counted")
    void cleanHistoryPasses() {
        privateSent("a-p1", "a", "b", "m1");
        deliver(1, "b", "m1", "private", "a", "pm a-p1");
        groupScenario();
        deliver(2, "c", "g1", "group", "a", "gm a-g1");
        h.convergence(new History.Convergence("kill", 120, true, null));

        Verdict v = checker.check(h);

        assertEquals(java.util.List.of(), v.violations);
        assertEquals(1, v.privateAcked);
        assertEquals(1, v.groupChecked);
        assertEquals(120, v.convergencePercentile(1.0));
    }

    @Test
    @DisplayName("an acknowledged private message that never arrives is reported as lost")
    void lostMessage() {
        privateSent("a-p1", "a", "b", "m1");

        Verdict v = checker.check(h);

        assertEquals(1, v.privateLost);
        assertReported(v, "never reached b");
    }

    @Test
    @DisplayName("a private message that was never acknowledged may be lost")
    void unacknowledgedMayBeLost() {
        h.request(new Request("a-p1", Kind.PRIVATE, "a", "b", "pm a-p1", 0));
        h.attempt(new Attempt("a-p1", 1, 0, Result.TIMEOUT, null, null, false, 0, 10_000));

        assertEquals(java.util.List.of(), checker.check(h).violations);
    }

    @Test
    @DisplayName("a repeat with the same id is counted as a duplicate, not a failure")
    void duplicateWithSameId() {
        privateSent("a-p1", "a", "b", "m1");
        deliver(1, "b", "m1", "private", "a", "pm a-p1");
        deliver(2, "b", "m1", "private", "a", "pm a-p1");

        Verdict v = checker.check(h);

        assertEquals(java.util.List.of(), v.violations);
        assertEquals(1, v.privateDuplicated);
        assertEquals(1, v.privateExtraDeliveries);
    }

    @Test
    @DisplayName("a repeat under another id is reported")
    void duplicateWithAnotherId() {
        privateSent("a-p1", "a", "b", "m1");
        deliver(1, "b", "m1", "private", "a", "pm a-p1");
        deliver(2, "b", "m9", "private", "a", "pm a-p1");

        assertReported(checker.check(h), "several ids");
    }

    @Test
    @DisplayName("retries of one cid acknowledged under different ids are reported")
    void retriesWithDifferentIds() {
        privateSent("a-p1", "a", "b", "m1");
        h.attempt(new Attempt("a-p1", 2, 1, Result.OK, null, "m2", true, 200, 300));
        deliver(1, "b", "m1", "private", "a", "pm a-p1");

        assertReported(checker.check(h), "different ids");
    }

    @Test
    @DisplayName("a private message delivered to a user it was not addressed to is reported")
    void misdelivery() {
        privateSent("a-p1", "a", "b", "m1");
        deliver(1, "b", "m1", "private", "a", "pm a-p1");
        deliver(3, "c", "m1", "private", "a", "pm a-p1");

        assertReported(checker.check(h), "for b delivered to c");
    }

    @Test
    @DisplayName("a message shown as from someone other than its sender is reported")
    void wrongSender() {
        privateSent("a-p1", "a", "b", "m1");
        deliver(1, "b", "m1", "private", "c", "pm a-p1");

        assertReported(checker.check(h), "delivered as from c");
    }

    @Test
    @DisplayName("a message sent before login that reaches anyone is reported")
    void anonymousDelivered() {
        h.request(new Request("a-a1", Kind.ANONYMOUS, "a", "b", "anon a-a1", 0));
        h.attempt(new Attempt("a-a1", 9, 0, Result.ERROR, "NOT_LOGGED_IN", null, false, 0, 5));
        deliver(1, "b", "m5", "private", "a", "anon a-a1");

        assertReported(checker.check(h), "not logged in delivered");
    }

    @Test
    @DisplayName("a request before login that is accepted is reported")
    void anonymousAccepted() {
        h.request(new Request("a-a1", Kind.ANONYMOUS, "a", "b", "anon a-a1", 0));
        h.attempt(new Attempt("a-a1", 9, 0, Result.OK, null, "m5", false, 0, 5));

        assertReported(checker.check(h), "before login was accepted");
    }

    @Test
    @DisplayName("a delivered text that nobody sent is reported")
    void unknownMessage() {
        deliver(1, "b", "m1", "private", "a", "pm forged");

        assertReported(checker.check(h), "unknown message");
    }

    @Test
    @DisplayName("a group message missed by a member online for the whole window is reported")
    void groupMissed() {
        groupScenario();

        assertReported(checker.check(h), "reached c (session 2, online throughout) 0 times");
    }

    @Test
    @DisplayName("a group message delivered twice to one session is reported")
    void groupTwice() {
        groupScenario();
        deliver(2, "c", "g1", "group", "a", "gm a-g1");
        deliver(2, "c", "g1", "group", "a", "gm a-g1");

        assertReported(checker.check(h), "2 times");
    }

    @Test
    @DisplayName("a group message echoed to its sender is reported")
    void groupEcho() {
        groupScenario();
        deliver(2, "c", "g1", "group", "a", "gm a-g1");
        deliver(1, "a", "g1", "group", "a", "gm a-g1");

        assertReported(checker.check(h), "echoed to its sender");
    }

    @Test
    @DisplayName("members whose node had a fault during the window, or who were not online throughout, are not held to exactly once")
    void groupWindowExcludesFaultsAndLateMembers() {
        groupScenario();
        h.fault(new History.Fault("SIGSTOP", 1, 1_500, 4_000, false)); // member c is on node 1
        h.session(new Session(3, "d", 2, 1_200, 60_000, "EOF")); // live only after the send

        Verdict v = checker.check(h);

        assertEquals(java.util.List.of(), v.violations);
        assertEquals(0, v.groupChecked);
    }

    @Test
    @DisplayName("a retried group message's window opens at its first attempt: a member who logged in between was not online throughout")
    void retriedGroupMessageWindowStartsAtFirstAttempt() {
        h.request(new Request("a-g1", Kind.GROUP, "a", null, "gm a-g1", 1_000));
        h.attempt(new Attempt("a-g1", 1, 0, Result.TIMEOUT, null, null, false, 1_000, 11_000));
        h.attempt(new Attempt("a-g1", 2, 0, Result.OK, null, "g1", false, 20_000, 20_050));
        h.session(new Session(1, "a", 0, 400, 60_000, "CLOSED"));
        h.session(new Session(2, "c", 1, 500, 60_000, "CLOSED"));   // online since before the first attempt
        h.session(new Session(3, "d", 2, 15_000, 60_000, "CLOSED")); // logged in after it was published, before the ok
        deliver(2, "c", "g1", "group", "a", "gm a-g1");

        Verdict v = checker.check(h);

        assertEquals(java.util.List.of(), v.violations);
        assertEquals(1, v.groupChecked);
    }

    @Test
    @DisplayName("a cluster-wide fault (Redis, a member lost) anywhere exempts the window; a node fault elsewhere does not")
    void clusterWideFaultsExemptEveryMember() {
        groupScenario();
        h.fault(new History.Fault("SIGSTOP", 2, 1_500, 4_000, false));
        assertReported(checker.check(h), "0 times");

        h.fault(new History.Fault("member left (node log)", History.CLUSTER, 1_500, 4_000, true));
        Verdict v = checker.check(h);

        assertEquals(java.util.List.of(), v.violations);
        assertEquals(1, v.membershipEvents);
    }

    @Test
    @DisplayName("presence that did not converge within the bound is reported")
    void presenceNotConverged() {
        h.convergence(new History.Convergence("SIGSTOP node", 15_000, false, "node 1 who ghosts [b] missing []"));

        assertReported(checker.check(h), "ghosts [b]");
    }

    @Test
    @DisplayName("more mailboxes than users, or presence sets of departed nodes after the run, are reported")
    void keysBeyondBounds() {
        h.keyCounts(new History.KeyCounts(1_000, 5, 0, 0, 3, 3, 0, 11));
        h.keyCounts(new History.KeyCounts(2_000, 0, 0, 0, 4, 3, 0, 7));

        Verdict v = checker.check(h);

        assertReported(v, "more mailboxes or presence entries than users");
        assertReported(v, "presence sets of nodes that are gone");
    }

    @Test
    @DisplayName("idempotency keys beyond the requests of the dedup window are reported")
    void idempotencyKeysBeyondRequests() {
        privateSent("a-p1", "a", "b", "m1");
        deliver(1, "b", "m1", "private", "a", "pm a-p1");
        h.keyCounts(new History.KeyCounts(1_000, 0, 0, 0, 3, 3, 2, 8));

        assertReported(checker.check(h), "idempotency keys");
    }

    private static void assertReported(Verdict v, String fragment) {
        assertTrue(v.violations.stream().anyMatch(s -> s.contains(fragment)), "expected a violation with '" + fragment + "': " + v.violations);
    }

    /** a sends private message {@code id} to {@code to}, acknowledged at once on node 0. */
    private void privateSent(String cid, String from, String to, String id) {
        h.request(new Request(cid, Kind.PRIVATE, from, to, "pm " + cid, 100));
        h.attempt(new Attempt(cid, 1, 0, Result.OK, null, id, false, 100, 150));
    }

    /** a (node 0) says g1 at 1,000-1,100; c is live on node 1 from 500 to 60,000 and must get it once. */
    private void groupScenario() {
        h.request(new Request("a-g1", Kind.GROUP, "a", null, "gm a-g1", 1_000));
        h.attempt(new Attempt("a-g1", 1, 0, Result.OK, null, "g1", false, 1_000, 1_100));
        h.session(new Session(1, "a", 0, 400, 60_000, "CLOSED"));
        h.session(new Session(2, "c", 1, 500, 60_000, "CLOSED"));
    }

    private void deliver(long session, String receiver, String id, String kind, String from, String text) {
        h.delivery(new Delivery(session, receiver, 0, id, kind, from, null, text, false, 2_000));
    }
}
