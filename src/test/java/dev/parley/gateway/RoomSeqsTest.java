package dev.parley.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoomSeqsTest {

    @Test
    @DisplayName("numbers are only raised, per room, and a room never seen reads 0")
    void raisedPerRoom() {
        RoomSeqs seqs = new RoomSeqs();
        assertEquals(0, seqs.get("#lobby"));
        seqs.raise("#lobby", 7);
        seqs.raise("#lobby", 5);
        seqs.raise("#dev", 3);
        seqs.raise("#dev", 9);
        assertEquals(7, seqs.get("#lobby"), "a lower number does not lower it");
        assertEquals(9, seqs.get("#dev"));
        assertEquals(0, seqs.get("#ops"));
        assertEquals(Map.of("#lobby", 7L, "#dev", 9L), seqs.toMap());
    }

    @Test
    @DisplayName("a room removed from the first slot while others are kept: none is lost or counted twice")
    void removeFirstKeepsOthers() {
        RoomSeqs seqs = new RoomSeqs();
        seqs.raise("#lobby", 1);
        seqs.raise("#dev", 2);
        seqs.remove("#lobby");
        seqs.raise("#dev", 4);
        seqs.raise("#ops", 3);
        assertEquals(Map.of("#dev", 4L, "#ops", 3L), seqs.toMap());
        assertEquals(0, seqs.get("#lobby"));
        seqs.clear();
        assertEquals(Map.of(), seqs.toMap());
    }

    @Test
    @DisplayName("behaves like a map merged with max under any random sequence of raises and removes")
    void sameAsAMap() {
        Random random = new Random(13);
        String[] rooms = {"#a", "#b", "#c", null};
        for (int round = 0; round < 200; round++) {
            RoomSeqs seqs = new RoomSeqs();
            Map<String, Long> model = new HashMap<>();
            for (int step = 0; step < 50; step++) {
                String room = rooms[random.nextInt(rooms.length)];
                if (random.nextInt(4) == 0) {
                    seqs.remove(room);
                    model.remove(room);
                } else {
                    long seq = random.nextInt(100);
                    seqs.raise(room, seq);
                    model.merge(room, seq, Math::max);
                }
                for (String r : rooms) assertEquals(model.getOrDefault(r, 0L), seqs.get(r), "room " + r + " at step " + step);
            }
            assertEquals(model, seqs.toMap());
        }
    }
}
