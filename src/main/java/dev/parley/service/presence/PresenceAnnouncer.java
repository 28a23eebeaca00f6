package dev.parley.service.presence;

import dev.parley.service.delivery.Delivery;
import dev.parley.service.delivery.PresenceChange;
import dev.parley.store.PresenceEntry;

import java.util.List;
import java.util.function.Consumer;

/**
 * Tells users who came and who went, under the one fan-out rule: announcing every arrival and departure to
 * everyone costs online² deliveries, so above {@code fanoutMax} users online nothing is pushed (who still
 * answers, with the true count). The count always includes the users being announced.
 */
public final class PresenceAnnouncer {
    private final int fanoutMax;
    private final Consumer<Delivery> sink;

    /** @param sink where announcements go: published to every node, or straight to this node's users */
    public PresenceAnnouncer(int fanoutMax, Consumer<Delivery> sink) {
        this.fanoutMax = fanoutMax;
        this.sink = sink;
    }

    /** The same rule, announcing somewhere else. */
    public PresenceAnnouncer to(Consumer<Delivery> otherSink) {
        return new PresenceAnnouncer(fanoutMax, otherSink);
    }

    /** True while a room of {@code onlineCount} users is small enough to hear of every arrival and departure. */
    public boolean announces(long onlineCount) {
        return onlineCount <= fanoutMax;
    }

    /** @param onlineNow users online, {@code arrived} included */
    public void arrived(PresenceEntry arrived, long onlineNow) {
        if (announces(onlineNow)) sink.accept(new PresenceChange(arrived.user(), arrived.name(), true));
    }

    /** @param onlineAfter users online once {@code left} were removed (the rule counts them in) */
    public void left(List<PresenceEntry> left, long onlineAfter) {
        if (left.isEmpty() || !announces(onlineAfter + left.size())) return;
        for (PresenceEntry e : left) sink.accept(new PresenceChange(e.user(), e.name(), false));
    }
}
