package dev.parley.gateway;

import java.util.function.LongSupplier;

/**
 * Per-connection request admission: every complete line costs a token (valid or not), and only
 * admitted requests count as in flight, so only their replies give a slot back. Holds only the
 * connection's counts; the limits and the clock are the gateway's {@link Limits}, shared by all
 * its connections (an idle session is one small object here, not two).
 */
final class Admission {
    enum Verdict { ADMITTED, RATE_LIMITED }

    /** The rate limit ({@code burst} tokens, refilled at {@code perSecond}) and in-flight cap of every connection. */
    record Limits(int perSecond, int burst, int maxInFlight, LongSupplier nanoClock) {
        double perNano() {
            return perSecond / 1e9;
        }
    }

    private final Limits limits;
    private double tokens;
    private long last;
    private int inFlight;

    Admission(Limits limits) {
        this.limits = limits;
        this.tokens = limits.burst();
        this.last = limits.nanoClock().getAsLong();
    }

    /** A request: admitted (and now in flight) or refused (and not counted). */
    Verdict admit() {
        if (!tryTake()) return Verdict.RATE_LIMITED;
        inFlight++;
        return Verdict.ADMITTED;
    }

    /**
     * An invalid line costs a token too; false when there is none, i.e. the client sends garbage
     * faster than the rate limit, and is closed rather than answered without bound.
     */
    boolean chargeInvalid() {
        return tryTake();
    }

    /** Takes one token; false when the bucket is empty (the request is refused, not queued). */
    private boolean tryTake() {
        long now = limits.nanoClock().getAsLong();
        tokens = Math.min(limits.burst(), tokens + (now - last) * limits.perNano());
        last = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /** An admitted request was answered; false (and nothing counted) when none was in flight. */
    boolean answered() {
        if (inFlight <= 0) return false;
        inFlight--;
        return true;
    }

    int inFlight() {
        return inFlight;
    }

    /** Stop reading: enough answers are owed. */
    boolean full() {
        return inFlight >= limits.maxInFlight();
    }

    /** Resume reading: answers caught up to half the cap. */
    boolean drained() {
        return inFlight <= limits.maxInFlight() / 2;
    }
}
