package dev.parley.chaos;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chaos run (issue 16). CI-sized by default (30 s of load, 60-120 s in all depending on the machine); long with
 * {@code mvn -o test -Pchaos -Dchaos.minutes=30} (see docs/reliability.md). The summary is printed and kept
 * in target/chaos-summary.txt.
 */
class ChaosRunTest {
    @Test
    @DisplayName("under random faults no acknowledged private message is lost or misdelivered, group messages reach online members once, presence converges")
    void nothingIsLost() throws Exception {
        boolean longRun = !System.getProperty("chaos.minutes", "").isBlank();
        // A CI run packs faults closer together so that each kind fits in under a minute of load.
        ChaosRun.Settings settings = new ChaosRun.Settings(3, Integer.getInteger("chaos.users", 18), loadDuration(),
                Long.getLong("chaos.seed", System.nanoTime()), Duration.ofSeconds(longRun ? 2 : 1),
                Duration.ofSeconds(longRun ? 6 : 3), faults());
        System.out.println("chaos run starting: " + settings + ", load average " + LoadAverage.read());
        ChaosRun.Outcome outcome = ChaosRun.run(settings, System.out::println);
        String summary = outcome.summary(settings);
        System.out.println(summary);
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("chaos-summary.txt"), summary + "\n");
        assertTrue(outcome.verdict().ok(), summary);
        assertTrue(outcome.verdict().privateAcked > 0 && outcome.verdict().groupChecked > 0, "the load did something: " + summary);
    }

    /**
     * Every kind, in the CI run too: freezes past the death bound were left out of it while they triggered two
     * bugs (a node's group delivery lost after a Hazelcast merge; ghost sessions after a long freeze), both fixed
     * (docs/reliability.md). {@code -Dchaos.faults=KIND,...} limits a run to some kinds, e.g. to chase one bug.
     */
    private static Set<FaultInjector.Kind> faults() {
        String only = System.getProperty("chaos.faults", "all");
        if (only.isBlank() || only.equals("all")) return EnumSet.allOf(FaultInjector.Kind.class);
        Set<FaultInjector.Kind> kinds = EnumSet.noneOf(FaultInjector.Kind.class);
        for (String k : only.split(",")) kinds.add(FaultInjector.Kind.valueOf(k.trim()));
        return kinds;
    }

    private static Duration loadDuration() {
        String minutes = System.getProperty("chaos.minutes", "");
        if (!minutes.isBlank()) return Duration.ofSeconds((long) (Double.parseDouble(minutes) * 60));
        return Duration.ofSeconds(Long.getLong("chaos.seconds", 30));
    }
}
