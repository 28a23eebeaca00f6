package dev.parley.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps README's {@code ## Layout} true: one line per package of the main code and per folder of the repository,
 * and a {@code package-info.java} map in every package. A new package or folder fails here until it is described.
 */
class LayoutTest {
    private static final Path MAIN = Path.of("src/main/java");
    /** A Layout line: "- `name` — what it is"; the first backticked word names the package or folder. */
    private static final Pattern ENTRY = Pattern.compile("^- `([^`]+)`");

    @Test
    @DisplayName("every package of the main code has a package-info.java")
    void everyPackageHasAMap() throws IOException {
        List<String> without = mainPackageDirs().stream()
                .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                .map(LayoutTest::packageName)
                .toList();
        assertTrue(without.isEmpty(), "packages without package-info.java: " + without);
    }

    @Test
    @DisplayName("README's Layout names every package of the main code, and no other")
    void layoutNamesEveryPackage() throws IOException {
        Set<String> packages = mainPackageDirs().stream().map(LayoutTest::packageName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = layoutEntries().stream().filter(e -> e.startsWith("dev."))
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> missing = packages.stream().filter(p -> !listed.contains(p)).toList();
        assertTrue(missing.isEmpty(), "packages missing from README ## Layout (one line \"- `dev.parley.x` — ...\" each): " + missing);
        List<String> stale = listed.stream().filter(p -> !packages.contains(p)).toList();
        assertTrue(stale.isEmpty(), "README ## Layout names packages that do not exist: " + stale);
    }

    @Test
    @DisplayName("README's Layout names every folder of the repository, and only folders that exist")
    void layoutNamesEveryFolder() throws IOException {
        List<String> folders = layoutEntries().stream().filter(e -> e.endsWith("/")).toList();
        List<String> missing = repoFolders().stream()
                .filter(f -> folders.stream().noneMatch(listed -> listed.startsWith(f)))
                .toList();
        assertTrue(missing.isEmpty(), "folders missing from README ## Layout: " + missing);
        List<String> stale = folders.stream().filter(f -> !Files.isDirectory(Path.of(f))).toList();
        assertTrue(stale.isEmpty(), "README ## Layout names folders that do not exist: " + stale);
    }

    /** Every directory under src/main/java that holds a Java source file. */
    private static List<Path> mainPackageDirs() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Path::getParent).distinct().sorted().toList();
        }
    }

    private static String packageName(Path dir) {
        return MAIN.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), ".");
    }

    /** The first backticked name of each list item in README's ## Layout section. */
    private static List<String> layoutEntries() throws IOException {
        List<String> entries = new ArrayList<>();
        boolean inLayout = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("## ")) inLayout = line.equals("## Layout");
            Matcher m = ENTRY.matcher(line);
            if (inLayout && m.find()) entries.add(m.group(1));
        }
        assertTrue(!entries.isEmpty(), "README has no ## Layout section with \"- `name` — ...\" lines");
        return entries;
    }

    /**
     * The repository's folders as "name/": every top-level one, and each one directly under src/ (src itself is
     * described by its parts). Taken from git when this is a checkout, so build output and local data do not count.
     */
    private static Set<String> repoFolders() throws IOException {
        Set<String> folders = new TreeSet<>();
        for (String file : trackedFiles()) {
            String[] parts = file.split("/");
            if (parts.length < 2) continue;
            if (!parts[0].equals("src")) folders.add(parts[0] + "/");
            else if (parts.length > 2) folders.add("src/" + parts[1] + "/");
        }
        return folders;
    }

    /** git ls-files; outside a checkout, every file below the current directory except what .gitignore names. */
    private static List<String> trackedFiles() throws IOException {
        try {
            Process git = new ProcessBuilder("git", "ls-files").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() == 0) return out.lines().toList();
        } catch (IOException e) {
            // no git on this machine: read the tree instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git", e);
        }
        Set<String> ignored = Files.readAllLines(Path.of(".gitignore")).stream()
                .map(l -> l.replace("/", "").trim()).collect(Collectors.toSet());
        ignored.add(".git");
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            return files.filter(Files::isRegularFile).map(f -> Path.of(".").relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !ignored.contains(f.split("/")[0]))
                    .toList();
        }
    }
}
