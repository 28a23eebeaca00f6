package dev.parley.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.nio.charset.StandardCharsets;

/**
 * Parley's one logging stack. {@link #install()} routes Vert.x, Netty, Hazelcast and java.util.logging
 * to SLF4J/Logback before anything logs; {@link #apply} sets the server's level and format
 * (text for people, JSON lines for Kubernetes) once the configuration is known. Libraries are kept at
 * their own, quieter level: their banners and advice are not an operator's business.
 */
public final class Logging {
    /** Logback context property every line carries (text and JSON): which node said it. */
    public static final String NODE_PROPERTY = "node";
    public static final String TEXT = "text";
    public static final String JSON = "json";
    private static final String TEXT_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%property{node}] %logger{0} - %msg %kvp{DOUBLE}%n";
    private static final String[] LIBRARIES = {"com.hazelcast", "io.netty", "io.vertx", "org.h2"};

    private Logging() {
    }

    /** Call first thing in main: before Vert.x, Netty or Hazelcast create their loggers. */
    public static void install() {
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
        System.setProperty("hazelcast.logging.type", "slf4j");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context());
        propagator.setResetJUL(true);
        propagator.start();
        context().addListener(propagator);
    }

    /**
     * The server's logging: Parley's loggers at {@code level}, libraries at {@code libraryLevel}, one
     * line per event on stdout in {@code format} ({@value #TEXT} or {@value #JSON}).
     */
    public static void apply(String level, String libraryLevel, String format) {
        LoggerContext ctx = context();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
        out.setContext(ctx);
        out.setName("STDOUT");
        out.setEncoder(encoder(ctx, format));
        out.start();
        root.addAppender(out);
        root.setLevel(Level.toLevel(libraryLevel, Level.WARN));
        Level own = Level.toLevel(level, Level.INFO);
        ctx.getLogger("dev.parley").setLevel(own);
        ctx.getLogger(Audit.LOGGER).setLevel(own);
        for (String library : LIBRARIES) ctx.getLogger(library).setLevel(Level.toLevel(libraryLevel, Level.WARN));
        // Advice to add JVM flags the launcher already adds (bin/parley, the jar's manifest, the image).
        ctx.getLogger("com.hazelcast.internal.util.ModularJavaUtils").setLevel(Level.ERROR);
        // Parley uses no CP data structures; the warning that they would be unsafe is noise.
        ctx.getLogger("com.hazelcast.cp.CPSubsystem").setLevel(Level.ERROR);
        // "Discarding message since the consumer is not registered": a room's consumer goes when its last local
        // member leaves, and a message already on its way to it is dropped by design (no member left to show it to).
        ctx.getLogger("io.vertx.core.eventbus.impl.MessageConsumerImpl").setLevel(Level.ERROR);
        if (ctx.getProperty(NODE_PROPERTY) == null) ctx.putProperty(NODE_PROPERTY, "-");
    }

    /** Every later line names this node. */
    public static void nodeId(String nodeId) {
        context().putProperty(NODE_PROPERTY, nodeId);
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext ctx, String format) {
        if (JSON.equals(format)) {
            LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
            Layout<ILoggingEvent> layout = new JsonLineLayout();
            layout.setContext(ctx);
            layout.start();
            encoder.setLayout(layout);
            encoder.setCharset(StandardCharsets.UTF_8);
            encoder.setContext(ctx);
            encoder.start();
            return encoder;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern(TEXT_PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
