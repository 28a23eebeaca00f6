package dev.parley.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code parley bench <scenario> [options]}: runs one bounded load scenario against a running node,
 * prints a table and optionally writes the result as JSON. Exit code 0 when every must-be-zero
 * count was zero, 1 when not, 2 for bad options.
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    public static int run(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            System.out.println(BenchOptions.USAGE);
            return 0;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("parley bench: " + e.getMessage() + "\n" + BenchOptions.USAGE);
            return 2;
        }
        try {
            BenchResult result = execute(options);
            result.print(System.out);
            return result.passed() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            System.err.println("parley bench: " + e.getMessage() + "\n" + BenchOptions.USAGE);
            return 2;
        } catch (Generator.BenchException e) {
            System.err.println("parley bench " + options.scenario + ": " + e.getMessage());
            return 1;
        }
    }

    /** Runs one scenario to completion (bounded by its options' timeouts), writing --json if given. */
    public static BenchResult execute(String... args) {
        return execute(BenchOptions.parse(args));
    }

    static BenchResult execute(BenchOptions o) {
        int connections = switch (o.scenario) {
            case "connections", "logins" -> o.connections;
            case "fanout" -> o.members;
            case "private" -> 2 * o.pairs;
            case "cluster" -> Math.max(o.members, 2 * o.pairs);
            case "rooms" -> (int) RoomLayout.usersFor(o.rooms, o.roomSize, o.roomsPerUser);
            case "churn" -> o.users;
            default -> throw new IllegalArgumentException("unknown scenario '" + o.scenario + "'");
        };
        progress(System.err, o);
        BenchResult result;
        try (Generator g = new Generator(o, connections)) {
            result = switch (o.scenario) {
                case "connections" -> new ConnectionsScenario(o, g).run();
                case "fanout" -> RoomTraffic.fanout(o, g);
                case "rooms" -> RoomsScenario.run(o, g);
                case "churn" -> new ChurnScenario(o, g).run();
                case "private" -> new PrivateScenario(o, g).run();
                case "cluster" -> new ClusterScenario(o, g).run();
                default -> new LoginsScenario(o, g).run();
            };
        }
        if (o.json != null) write(o.json, result);
        return result;
    }

    private static void progress(PrintStream err, BenchOptions o) {
        String where = o.targets.size() == 1 ? o.targets.get(0).toString() : o.targets.size() + " nodes " + o.targets;
        err.println("parley bench " + o.scenario + " against " + where + (o.tls.enabled() ? " over TLS" : "")
                + " (users " + o.usersPrefix + "-*)");
        if (o.tls.insecure()) err.println("parley bench: " + dev.parley.tls.ClientTls.INSECURE_WARNING);
    }

    private static void write(Path file, BenchResult result) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, result.toJson().encodePrettily() + "\n");
        } catch (IOException e) {
            System.err.println("parley bench: cannot write " + file + ": " + e.getMessage());
        }
    }
}
