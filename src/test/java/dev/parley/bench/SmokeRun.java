package dev.parley.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a bench scenario CI-sized, the way every smoke test does, prints its table for the test log and checks
 * that it passed (nothing lost or doubled, no errors: the scenario's own must-be-zero checks).
 */
final class SmokeRun {
    /** A short warm-up and window; a generous drain and setup, for a machine shared with the server. */
    private static final List<String> SHORT = List.of("--warmup", "0.5", "--duration", "2", "--drain", "10",
            "--setup-timeout", "60");

    private SmokeRun() {
    }

    /**
     * @param where which node(s) and users, e.g. {@code --port P --users-prefix smoke1}
     * @param extra the scenario's own options; they come last, so they win over the short timing
     */
    static BenchResult run(String scenario, List<String> where, String... extra) {
        List<String> args = new ArrayList<>(List.of(scenario));
        args.addAll(where);
        args.addAll(SHORT);
        args.addAll(Arrays.asList(extra));
        BenchResult r = BenchCommand.execute(args.toArray(String[]::new));
        r.print(System.out);
        assertTrue(r.passed(), r.failures().toString());
        return r;
    }
}
