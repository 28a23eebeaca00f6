package dev.parley.client;

import dev.parley.tls.ClientTls;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/** {@code parley client}: the console chat client, interactive on a terminal, line-oriented otherwise. */
public final class ClientCommand {

    /** Long enough for a busy server, short enough that a script never hangs for good. */
    static final long REPLY_TIMEOUT_MILLIS = 30_000;
    /** A quiet link pings this often so the server does not drop it as idle. */
    static final long KEEPALIVE_MILLIS = 25_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private ClientCommand() {
    }

    /** Runs the client until the user leaves; returns the process exit code (0 ok, 1 failure, 2 bad arguments). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        ClientOptions options;
        try {
            options = ClientOptions.parse(args);
        } catch (ClientOptions.UsageException e) {
            err.println("parley client: " + e.getMessage());
            err.println("Try 'parley client --help'.");
            return 2;
        }
        if (options.help()) {
            out.print(ClientOptions.usage());
            out.flush();
            return 0;
        }
        if (options.tls().insecure()) err.println("parley client: " + ClientTls.INSECURE_WARNING);
        Terminal terminal = options.batch() ? null : interactiveTerminal(in, out);
        Vertx vertx = Vertx.vertx();
        try {
            return terminal == null
                    ? batch(vertx, options, in, out, err)
                    : console(vertx, options, terminal, err);
        } finally {
            closeQuietly(terminal);
            ClientSession.await(vertx.close());
        }
    }

    private static int batch(Vertx vertx, ClientOptions options, InputStream in, PrintStream out, PrintStream err) {
        Display display = new Display(new BatchFormatter(), line -> {
            out.println(line.toString());
            out.flush();
        });
        ClientSession session = session(vertx, options, display);
        if (!connect(session, options, err)) {
            return 1;
        }
        BufferedReader input = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new BatchRunner(session, display).run(input, options);
    }

    private static int console(Vertx vertx, ClientOptions options, Terminal terminal, PrintStream err) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("parley").build();
        boolean color = options.color() && maxColors(terminal) >= 8;
        // the formatter says "you" for the logged-in user, whom only the session knows
        AtomicReference<ClientSession> sessionRef = new AtomicReference<>();
        ConsoleFormatter formatter = new ConsoleFormatter(Clock.systemDefaultZone(),
                () -> sessionRef.get() == null ? null : sessionRef.get().user());
        Display display = new Display(formatter,
                line -> reader.printAbove(color ? line : new AttributedString(line.toString())));
        ClientSession session = session(vertx, options, display);
        sessionRef.set(session);
        if (!connect(session, options, err)) {
            return 1;
        }
        return new ConsoleRunner(reader, session, display).run(options);
    }

    private static ClientSession session(Vertx vertx, ClientOptions options, SessionListener listener) {
        // one event-loop context owns the session, its socket and its timers
        Context context = vertx.getOrCreateContext();
        Executor loop = task -> context.runOnContext(v -> task.run());
        Scheduler scheduler = (delay, task) -> {
            long id = vertx.setTimer(Math.max(1, delay), t -> task.run());
            return () -> vertx.cancelTimer(id);
        };
        NetClient client = vertx.createNetClient(options.tls().apply(new NetClientOptions()
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setTcpNoDelay(true)
                .setTcpKeepAlive(true)));
        return new ClientSession(new VertxConnector(client, options.host(), options.port()), scheduler, loop,
                Backoff.standard(), listener, REPLY_TIMEOUT_MILLIS, KEEPALIVE_MILLIS);
    }

    private static boolean connect(ClientSession session, ClientOptions options, PrintStream err) {
        try {
            ClientSession.await(session.start());
            return true;
        } catch (RuntimeException e) {
            err.println("parley client: cannot connect to " + options.host() + ":" + options.port() + ": " + e.getMessage());
            return false;
        }
    }

    /** A real terminal when a person is at the keyboard, else null and the client runs in batch mode. */
    private static Terminal interactiveTerminal(InputStream in, PrintStream out) {
        if (in != System.in || out != System.out || System.console() == null) {
            return null;
        }
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
            if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
                terminal.close();
                return null;
            }
            return terminal;
        } catch (IOException e) {
            return null;
        }
    }

    private static int maxColors(Terminal terminal) {
        Integer colors = terminal.getNumericCapability(InfoCmp.Capability.max_colors);
        return colors == null ? 0 : colors;
    }

    private static void closeQuietly(Terminal terminal) {
        if (terminal != null) {
            try {
                terminal.close();
            } catch (IOException ignored) {
                // leaving anyway
            }
        }
    }
}
