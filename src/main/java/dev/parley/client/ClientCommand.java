package dev.parley.client;

import java.io.InputStream;
import java.io.PrintStream;

/** Placeholder until the console client lands. */
public final class ClientCommand {
    private ClientCommand() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        err.println("parley client: not available in this build");
        return 2;
    }
}
