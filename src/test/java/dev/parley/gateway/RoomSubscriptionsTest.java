package dev.parley.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node's room consumers and each gateway instance's index, counted per room, without a bus. */
class RoomSubscriptionsTest {
    /** A registration the test completes by hand, as the cluster would. */
    private static final class FakeRegistration implements RoomSubscriptions.Registration {
        final String room;
        final Promise<Void> done = Promise.promise();
        boolean unregistered;

        FakeRegistration(String room) {
            this.room = room;
        }

        @Override
        public Future<Void> completion() {
            return done.future();
        }

        @Override
        public Future<Void> unregister() {
            unregistered = true;
            return Future.succeededFuture();
        }
    }

    private final List<FakeRegistration> registered = new ArrayList<>();
    private long now = 100;
    private final RoomSubscriptions<String> node = new RoomSubscriptions<>(room -> {
        FakeRegistration r = new FakeRegistration(room);
        registered.add(r);
        return r;
    }, () -> now);

    /** An instance's index wired to the node directly (in production: through the event loops). */
    private RoomMembers<String> instance(String name) {
        return new RoomMembers<>(new RoomMembers.Upstream() {
            @Override
            public Future<Long> acquire(String room) {
                return node.acquire(room, name);
            }

            @Override
            public void release(String room) {
                node.release(room, name);
            }
        });
    }

    @Test
    @DisplayName("one consumer per room for the node, whatever the members and instances; gone with the last member")
    void oneConsumerPerRoom() {
        RoomMembers<String> a = instance("a");
        RoomMembers<String> b = instance("b");
        Future<Long> first = a.add("#dev", "ann");
        a.add("#dev", "bob");
        b.add("#dev", "cy");
        assertEquals(1, registered.size(), "one registration for #dev");
        assertEquals(Set.of("a", "b"), node.locals("#dev"), "each instance gets one task per event");
        assertFalse(first.isComplete(), "not ready until the cluster has the registration");
        now = 250;
        registered.get(0).done.complete();
        assertEquals(250L, first.result(), "ready, with when");
        assertTrue(b.add("#dev", "di").isComplete(), "a later member waits for nothing");

        assertTrue(a.remove("#dev", "ann"));
        assertFalse(a.remove("#dev", "ann"), "not twice");
        a.remove("#dev", "bob");
        assertEquals(Set.of("b"), node.locals("#dev"), "instance a has nobody left in #dev");
        assertFalse(registered.get(0).unregistered);
        b.remove("#dev", "cy");
        b.remove("#dev", "di");
        assertTrue(registered.get(0).unregistered, "the last member left: the node stops receiving #dev");
        assertEquals(0, node.size());
        assertEquals(Set.of(), node.locals("#dev"));
    }

    @Test
    @DisplayName("a member leaving and another joining at once: a fresh registration, awaited again")
    void churnRegistersAgain() {
        RoomMembers<String> a = instance("a");
        a.add("#dev", "ann");
        registered.get(0).done.complete();
        a.remove("#dev", "ann");
        Future<Long> again = a.add("#dev", "bob");
        assertEquals(2, registered.size());
        assertTrue(registered.get(0).unregistered);
        assertFalse(again.isComplete(), "the new registration is awaited");
        registered.get(1).done.complete();
        assertTrue(again.succeeded());
        assertEquals(Set.of("bob"), a.members("#dev"));
        assertTrue(a.contains("#dev", "bob"));
        assertFalse(a.contains("#ops", "bob"));
    }

    @Test
    @DisplayName("room consumers lost from the cluster's registry are registered again, one by one; the counts stay")
    void reregister() {
        RoomMembers<String> a = instance("a");
        a.add("#dev", "ann");
        a.add("#ops", "ann");
        registered.forEach(r -> r.done.complete());
        Future<?> done = Future.join(node.reregister("#dev"), node.reregister("#ops"));
        assertEquals(4, registered.size());
        assertTrue(registered.get(0).unregistered && registered.get(1).unregistered);
        registered.get(2).done.complete();
        registered.get(3).done.complete();
        assertTrue(done.succeeded());
        assertEquals(Set.of("a"), node.locals("#dev"));
        a.remove("#dev", "ann");
        assertTrue(registered.stream().filter(r -> r.room.equals("#dev")).allMatch(r -> r.unregistered));
        assertFalse(registered.get(3).unregistered, "#ops still has a member");
    }
}
