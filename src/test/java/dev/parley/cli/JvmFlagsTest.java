package dev.parley.cli;

import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JVM flags bin/parley and the pod give the server (docs/performance.md, "JVM flags"): this JVM starts with them. */
class JvmFlagsTest {

    static List<String> binParleyServerFlags() throws Exception {
        return flags(Files.readString(Path.of("bin/parley")), "server_java_opts=\"([^\"]*)\"");
    }

    static List<String> podFlags() throws Exception {
        return flags(Files.readString(Path.of("k8s/base/statefulset.yaml")), "name: JAVA_TOOL_OPTIONS[\\s\\S]*?value: \"([^\"]*)\"");
    }

    private static List<String> flags(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex);
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    /** What a JVM run printed (stdout and stderr together) and its exit code. */
    private record Run(int exit, String out) {
    }

    /** Runs this JVM's {@code java} with {@code flags} then {@code args}, to its end (at most a minute). */
    private static Run java(List<String> flags, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), cmd + " did not finish");
        return new Run(p.exitValue(), out);
    }

    /** Runs {@code java <flags> -version}: an unknown or malformed flag makes the JVM refuse to start. */
    private static void assertJvmStarts(List<String> flags) throws Exception {
        Run run = java(flags, "-version");
        assertEquals(0, run.exit(), "JVM refused " + flags + ": " + run.out());
        // e.g. "NewSize was set larger than initial heap size": flags that contradict each other start, with a warning.
        assertFalse(run.out().toLowerCase(java.util.Locale.ROOT).contains("warning"), "JVM warned about " + flags + ": " + run.out());
    }

    private static long bytes(String size) {
        long unit = switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        return unit == 1 ? Long.parseLong(size) : Long.parseLong(size.substring(0, size.length() - 1)) * unit;
    }

    private static long maxDirectMemory(List<String> flags) {
        String prefix = "-XX:MaxDirectMemorySize=";
        return flags.stream().filter(f -> f.startsWith(prefix)).map(f -> bytes(f.substring(prefix.length())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " in " + flags));
    }

    @Test
    @DisplayName("bin/parley's default server flags are accepted by this JVM, without a warning")
    void binParleyFlagsStart() throws Exception {
        assertJvmStarts(binParleyServerFlags());
    }

    @Test
    @DisplayName("the pod's JAVA_TOOL_OPTIONS are accepted by this JVM, without a warning")
    void podFlagsStart() throws Exception {
        assertJvmStarts(podFlags());
    }

    @Test
    @DisplayName("bin/parley's direct memory leaves the default output budget whole (it is capped at a quarter of it)")
    void directMemoryKeepsTheOutputBudget() throws Exception {
        long budget = ParleyConfig.from(ConfigLoader.defaults()).limits().maxPendingOutputBytes();
        long direct = maxDirectMemory(binParleyServerFlags());
        assertTrue(direct / 4 >= budget, "MaxDirectMemorySize " + direct + " caps limits.maxPendingOutputBytes " + budget);
    }

    @Test
    @DisplayName("bin/parley's and the pod's flags give idle inflated monitors back at once, not after a minute")
    void inflatedMonitorsAreDeflatedPromptly() throws Exception {
        // Each Vert.x bus request inflates one (its reply handler is hashed under its own lock): 7 per login, and
        // a login storm left ~30,000 of them (6 MB of native memory) until the JVM's 60 s deflation pass. With the
        // flags they go within 250 ms; 10 s leaves room for a loaded machine.
        for (List<String> flags : List.of(binParleyServerFlags(), podFlags())) {
            String out = java(flags, "-XX:NativeMemoryTracking=summary", "-cp", System.getProperty("java.class.path"),
                    MonitorChurn.class.getName(), "8000", "10000", "1000").out();
            List<long[]> seen = out.lines().filter(l -> l.startsWith("monitors ")).map(l -> l.split(" "))
                    .map(w -> new long[]{Long.parseLong(w[1]), Long.parseLong(w[3])}).toList();
            assertFalse(seen.isEmpty(), out);
            assertTrue(seen.stream().mapToLong(n -> n[1]).max().orElse(0) >= 8000, "the churn inflated monitors: " + out);
            List<Long> inUse = seen.stream().map(n -> n[0]).toList();
            assertTrue(inUse.get(inUse.size() - 1) < 1000, "still in use after 10 s with " + flags + ": " + inUse);
        }
    }

    @Test
    @DisplayName("README lists exactly bin/parley's server flags")
    void readmeListsTheFlags() throws Exception {
        List<String> readme = flags(Files.readString(Path.of("README.md")), "starts the JVM with the server's flags[^`]*`([^`]*)`");
        assertEquals(binParleyServerFlags(), readme);
    }
}
