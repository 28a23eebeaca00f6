package dev.parley.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Runs {@link ClientCommand#run} on its own thread with stdin and stdout as pipes the test drives line by line. */
final class BatchClient implements AutoCloseable {

    /** Collects what the client prints, one complete line at a time. */
    static final class Lines extends OutputStream {
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        final List<String> all = new ArrayList<>();
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String line = partial.toString(StandardCharsets.UTF_8);
                partial.reset();
                all.add(line);
                queue.add(line);
            } else {
                partial.write(b);
            }
        }

        synchronized List<String> all() {
            return List.copyOf(all);
        }
    }

    private final OutputStream stdin;
    final Lines out = new Lines();
    final Lines err = new Lines();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    BatchClient(String... args) throws IOException {
        Pipe pipe = Pipe.open();
        stdin = Channels.newOutputStream(pipe.sink());
        InputStream in = Channels.newInputStream(pipe.source());
        Thread client = new Thread(() -> {
            try {
                exit.complete(ClientCommand.run(args, in,
                        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "parley-client-under-test");
        client.setDaemon(true);
        client.start();
    }

    void type(String... lines) throws IOException {
        for (String line : lines) {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        stdin.flush();
    }

    void endInput() throws IOException {
        stdin.close();
    }

    /** The next output line, failing the test if none comes in time. */
    String nextLine() throws InterruptedException {
        String line = out.queue.poll(10, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no output line; so far " + out.all() + ", stderr " + err.all());
        }
        return line;
    }

    int exitCode() throws Exception {
        return exit.get(40, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        stdin.close();
    }
}
