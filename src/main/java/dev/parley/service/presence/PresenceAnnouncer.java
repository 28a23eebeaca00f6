package dev.parley.service.presence;

import dev.parley.service.delivery.Delivery;
import dev.parley.service.delivery.PresenceChange;
import dev.parley.store.PresenceEntry;

import io.vertx.core.Future;

import java.util.List;
import java.util.function.Consumer;

/**
 * Tells users who came and who went, under the one fan-out rule: announcing every arrival and departure to
 * everyone costs online² deliveries, so above {@code fanoutMax} users online nothing is pushed (who still
 * answers, with the true count). The count always includes the users being announced.
 */
public final class PresenceAnnouncer {
    /** Announces to the user's rooms as well as the default room (issue 14; see {@link RoomPresence}). */
    public interface Rooms {
        /** @param toDefault whether this rule lets the default room hear it */
        Future<Void> announce(PresenceEntry e, boolean online, boolean toDefault);
    }

    private final int fanoutMax;
    private final Consumer<Delivery> sink;
    /** Null: the default room only, through {@link #sink}. */
    private final Rooms rooms;

    /** @param sink where announcements go: published to every node, or straight to this node's users */
    public PresenceAnnouncer(int fanoutMax, Consumer<Delivery> sink) {
        this(fanoutMax, sink, null);
    }

    private PresenceAnnouncer(int fanoutMax, Consumer<Delivery> sink, Rooms rooms) {
        this.fanoutMax = fanoutMax;
        this.sink = sink;
        this.rooms = rooms;
    }

    /** The same rule, announcing somewhere else (to the default room only). */
    public PresenceAnnouncer to(Consumer<Delivery> otherSink) {
        return new PresenceAnnouncer(fanoutMax, otherSink, null);
    }

    /** The same rule, every announcement handed to {@code rooms}, which tells the default room too when the rule allows. */
    public PresenceAnnouncer withRooms(Rooms rooms) {
        return new PresenceAnnouncer(fanoutMax, sink, rooms);
    }

    /** True while a room of {@code onlineCount} users is small enough to hear of every arrival and departure. */
    public boolean announces(long onlineCount) {
        return onlineCount <= fanoutMax;
    }

    /** @param onlineNow users online, {@code arrived} included */
    public void arrived(PresenceEntry arrived, long onlineNow) {
        if (rooms != null) {
            rooms.announce(arrived, true, announces(onlineNow));
            return;
        }
        if (announces(onlineNow)) sink.accept(new PresenceChange(arrived.user(), arrived.name(), true));
    }

    /** @param onlineAfter users online once {@code left} were removed (the rule counts them in) */
    public void left(List<PresenceEntry> left, long onlineAfter) {
        if (rooms != null) {
            boolean toDefault = announces(onlineAfter + left.size());
            for (PresenceEntry e : left) rooms.announce(e, false, toDefault);
            return;
        }
        if (left.isEmpty() || !announces(onlineAfter + left.size())) return;
        for (PresenceEntry e : left) sink.accept(new PresenceChange(e.user(), e.name(), false));
    }

    /** Users whose node died, announced by a survivor to its own users (the default room only, like {@link #to}). */
    public void nodeLost(List<PresenceEntry> left, long onlineAfter) {
        if (left.isEmpty() || !announces(onlineAfter + left.size())) return;
        for (PresenceEntry e : left) sink.accept(PresenceChange.nodeLost(e.user(), e.name()));
    }
}
