package dev.parley.protocol;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * One JSON generator per thread, reused for every line that thread encodes. A generator made per frame (its
 * contexts, its I/O context, a growing output stream, the final copy) was a third of the garbage of a private
 * message; reused, a line costs the one array it is returned in.
 *
 * <p>Use: {@code try (LineGenerator line = LineGenerator.start()) { JsonGenerator g = line.generator(); ...; return
 * line.finish(); }}: closing a line not finished (writing failed halfway) abandons it, since the generator's state
 * is then unknown and the thread gets a new one. A nested start on the same thread (never done today) gets a
 * generator of its own.
 */
final class LineGenerator implements AutoCloseable {
    private static final ThreadLocal<LineGenerator> CURRENT = ThreadLocal.withInitial(LineGenerator::new);
    /** A buffer grown past this by a big frame (a history reply) is not kept for the thread's next lines. */
    private static final int KEEP_BYTES = 16 * 1024;

    private final Buffer out = new Buffer();
    private JsonGenerator generator;
    private boolean inUse;

    private LineGenerator() {
    }

    /** This thread's generator, empty and ready for one line. */
    static LineGenerator start() {
        LineGenerator line = CURRENT.get();
        if (line.inUse) line = new LineGenerator();   // nested: not this thread's shared one
        line.inUse = true;
        return line;
    }

    JsonGenerator generator() {
        if (generator == null) {
            try {
                generator = Json.MAPPER.getFactory().createGenerator(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            generator.setRootValueSeparator(null);   // one value per line, no space between them
        }
        return generator;
    }

    /** The line written since {@link #start()}, with its newline. */
    byte[] finish() throws IOException {
        generator.flush();
        out.write('\n');
        byte[] line = out.take();
        inUse = false;
        return line;
    }

    /** Abandons the line unless {@link #finish()} returned it. */
    @Override
    public void close() {
        if (inUse) abandon();
    }

    /** Writing failed: drops the generator (its state is unknown) and what was written. */
    private void abandon() {
        generator = null;
        out.clear();
        inUse = false;
    }

    /** A ByteArrayOutputStream without its locks, emptied by {@link #take} or {@link #clear}. */
    private static final class Buffer extends OutputStream {
        private byte[] bytes = new byte[256];
        private int count;

        @Override
        public void write(int b) {
            if (count == bytes.length) bytes = Arrays.copyOf(bytes, bytes.length * 2);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + len > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + len));
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        /** The bytes written, and an empty buffer again. */
        byte[] take() {
            byte[] taken = Arrays.copyOf(bytes, count);
            clear();
            return taken;
        }

        /** Forgets what was written (and a buffer grown past the usual size). */
        void clear() {
            count = 0;
            if (bytes.length > KEEP_BYTES) bytes = new byte[256];
        }
    }
}
