package dev.parley.gateway;

/**
 * Per-connection request admission: every complete line costs a token (valid or not), and only
 * admitted requests count as in flight, so only their replies give a slot back.
 */
final class Admission {
    enum Verdict { ADMITTED, RATE_LIMITED }

    private final TokenBucket bucket;
    private final int maxInFlight;
    private int inFlight;

    Admission(TokenBucket bucket, int maxInFlight) {
        this.bucket = bucket;
        this.maxInFlight = maxInFlight;
    }

    /** A request: admitted (and now in flight) or refused (and not counted). */
    Verdict admit() {
        if (!bucket.tryTake()) return Verdict.RATE_LIMITED;
        inFlight++;
        return Verdict.ADMITTED;
    }

    /**
     * An invalid line costs a token too; false when there is none, i.e. the client sends garbage
     * faster than the rate limit, and is closed rather than answered without bound.
     */
    boolean chargeInvalid() {
        return bucket.tryTake();
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
        return inFlight >= maxInFlight;
    }

    /** Resume reading: answers caught up to half the cap. */
    boolean drained() {
        return inFlight <= maxInFlight / 2;
    }
}
