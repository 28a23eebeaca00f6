package dev.parley.chaos;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's whole history, one record a line, for reading after a failure (target/chaos-history.txt). */
final class HistoryDump {
    private HistoryDump() {
    }

    static void write(History h, Path file) {
        try (BufferedWriter w = Files.newBufferedWriter(Files.createDirectories(file.getParent()).resolve(file.getFileName()))) {
            w.write("# clock origin (epoch ms) " + History.ORIGIN_EPOCH_MS + "\n");
            for (List<?> records : List.of(h.faults(), h.sessions(), h.requests(), h.attempts(), h.deliveries(),
                    h.convergences(), h.keyCounts())) {
                for (Object r : records) {
                    w.write(r.toString());
                    w.newLine();
                }
            }
        } catch (IOException e) {
            System.err.println("could not write the history: " + e);
        }
    }
}
