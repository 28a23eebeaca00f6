package dev.parley;

import java.util.Arrays;

/** {@code parley server|client|bench|admin ...}: one jar, four tools. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        dev.parley.logging.Logging.install();
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        int code = switch (command) {
            case "server" -> ServerCommand.run(rest);
            case "client" -> dev.parley.client.ClientCommand.run(rest, System.in, System.out, System.err);
            case "bench" -> dev.parley.bench.BenchCommand.run(rest);
            case "admin" -> dev.parley.admin.AdminCommand.run(rest, System.in, System.out, System.err, System.getenv());
            case "help", "--help", "-h" -> {
                System.out.println(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("unknown command '" + command + "'\n" + USAGE);
                yield 2;
            }
        };
        if (code != ServerCommand.KEEP_RUNNING) System.exit(code);
    }

    static final String USAGE = """
            usage: java -jar parley.jar <command> [options]
              server [--config FILE] [--port N] [--data-dir DIR]   run a Parley node
              client [--host H] [--port P] [--batch] [--tls]       console chat client (client --help)
              bench <scenario> [options]                          load generator (bench --help)
              admin <command> [--url U] [--token T]               operators: who, kick, notice, lock... (admin --help)
            """;
}
