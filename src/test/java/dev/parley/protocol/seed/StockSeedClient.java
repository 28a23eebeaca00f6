package dev.parley.protocol.seed;

import dev.parley.protocol.seed.SeedMessage.LoginMes;
import dev.parley.protocol.seed.SeedMessage.LoginResMes;
import dev.parley.protocol.seed.SeedMessage.RegisterMes;
import dev.parley.protocol.seed.SeedMessage.RegisterResMes;
import dev.parley.protocol.seed.SeedMessage.SmsMes;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Stands in for the stock Go console client ({@code client.exe}) in end-to-end tests: same frames, same
 * sequences, same connections, over a blocking socket.
 *
 * <p>{@link #register} uses a connection of its own and reads one frame; {@link #login} opens another, reads one
 * frame as the login result without looking at its type, and on success keeps the connection, reading pushes on a
 * background thread. The real client sends nothing when it quits, and neither does {@link #close}.
 *
 * <p>Where it differs on purpose: it reads robustly (see {@link #readFrame}), it times out instead of hanging,
 * and it records what would have broken the real client in {@link #problems()} instead of crashing.
 */
public final class StockSeedClient implements AutoCloseable {

    /** The stock client's fixed read buffer; a larger body makes it panic. */
    public static final int STOCK_BUFFER_BYTES = 8096;

    // Test-only guards; the real client would wait forever.
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int REPLY_TIMEOUT_MILLIS = 10_000;
    private static final long POLL_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final long userId;
    private final Socket socket;
    private final SeedMessage firstFrame;
    private final LoginResMes loginResult;
    private final BlockingQueue<SeedMessage> inbox = new LinkedBlockingQueue<>();
    private final List<SeedMessage> passedOver = new ArrayList<>(); // received but not yet claimed by awaitMessage
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean closing;

    private StockSeedClient(long userId, Socket socket, SeedMessage firstFrame) throws IOException {
        this.userId = userId;
        this.socket = socket;
        this.firstFrame = firstFrame;
        this.loginResult = misreadAsLoginResult(firstFrame);
        if (loginResult.code() == LoginResMes.OK) {
            socket.setSoTimeout(0);
            reader = new Thread(this::readUntilClosed, "stock-seed-client-" + userId);
            reader.setDaemon(true);
            reader.start();
        } else {
            socket.close(); // the stock client returns from Login, and its deferred Close runs
            reader = null;
        }
    }

    /** Registers on a fresh connection, as menu item 2 does, and returns the one reply it reads. */
    public static RegisterResMes register(String host, int port, long userId, String userPwd, String userName)
            throws IOException {
        return register(connect(host, port), userId, userPwd, userName);
    }

    /** Like {@link #register(String, int, long, String, String)} over a connected socket (e.g. TLS); closes it. */
    public static RegisterResMes register(Socket connected, long userId, String userPwd, String userName)
            throws IOException {
        try (Socket socket = connected) {
            // userStatus and sex keep Go's zero values: the client only fills id, password and name.
            writeFrame(socket, new RegisterMes(new SeedUser(userId, userPwd, userName, 0, "")));
            return misreadAsRegisterResult(readReply(socket));
        }
    }

    /**
     * Logs in on a fresh connection. Check {@link #loggedIn()}: on a failed login the connection is already
     * closed, as the stock client's is.
     */
    public static StockSeedClient login(String host, int port, long userId, String userPwd) throws IOException {
        Socket socket = connect(host, port);
        try {
            writeFrame(socket, new LoginMes(userId, userPwd, ""));
            return new StockSeedClient(userId, socket, readReply(socket));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    public long userId() {
        return userId;
    }

    /** The first frame, read as the stock client reads it: as a LoginResMes whatever its type. */
    public LoginResMes loginResult() {
        return loginResult;
    }

    /** The first frame as actually sent, to explain a surprising {@link #loginResult()}. */
    public SeedMessage firstFrame() {
        return firstFrame;
    }

    public boolean loggedIn() {
        return reader != null;
    }

    /** Menu item 2: a group message with this client's own id and status 0. */
    public void sendGroup(String content) throws IOException {
        sendGroupAsForgedUser(content, userId);
    }

    /** A group message claiming to come from {@code claimedUserId}; the server must not believe it. */
    public void sendGroupAsForgedUser(String content, long claimedUserId) throws IOException {
        requireLoggedIn();
        writeFrame(socket, SmsMes.group(content, claimedUserId));
    }

    /** Bytes the stock client could never send (oversized or broken frames), on this logged-in connection. */
    public void sendRaw(byte[] bytes) throws IOException {
        requireLoggedIn();
        synchronized (socket) {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }
    }

    /**
     * Waits for a pushed message that matches; messages that do not match are kept for later calls.
     *
     * @throws AssertionError on timeout, or as soon as the connection has ended with nothing left to match
     */
    public SeedMessage awaitMessage(Predicate<? super SeedMessage> wanted, Duration timeout)
            throws InterruptedException {
        requireLoggedIn();
        SeedMessage earlier = claimPassedOver(wanted);
        if (earlier != null) {
            return earlier;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(describe("no matching message within " + timeout));
            }
            SeedMessage message = inbox.poll(Math.min(left, POLL_SLICE_NANOS), TimeUnit.NANOSECONDS);
            if (message == null) {
                if (!reader.isAlive() && inbox.isEmpty()) {
                    throw new AssertionError(describe("connection ended before a matching message"));
                }
            } else if (wanted.test(message)) {
                return message;
            } else {
                passedOver.add(message);
            }
        }
    }

    public <T extends SeedMessage> T awaitMessage(Class<T> type, Predicate<? super T> wanted, Duration timeout)
            throws InterruptedException {
        return type.cast(awaitMessage(m -> type.isInstance(m) && wanted.test(type.cast(m)), timeout));
    }

    /** Fails if a matching message is already here or arrives within {@code window}. */
    public void expectNoMessage(Predicate<? super SeedMessage> unwanted, Duration window) throws InterruptedException {
        requireLoggedIn();
        long deadline = System.nanoTime() + window.toNanos();
        SeedMessage found = claimPassedOver(unwanted);
        while (found == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            SeedMessage message = inbox.poll(left, TimeUnit.NANOSECONDS);
            if (message != null && unwanted.test(message)) {
                found = message;
            } else if (message != null) {
                passedOver.add(message);
            }
        }
        throw new AssertionError(describe("unexpected message " + found));
    }

    /** True if the connection ended (server closed it, or reading stopped) within {@code timeout}. */
    public boolean awaitDisconnect(Duration timeout) throws InterruptedException {
        requireLoggedIn();
        reader.join(Math.max(1, timeout.toMillis()));
        return !reader.isAlive();
    }

    /** What the real client would have choked on; an end-to-end test should usually find this empty. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Closes the socket and nothing else: the stock client says nothing when it quits. */
    @Override
    public void close() throws IOException {
        closing = true;
        socket.close();
        if (reader != null) {
            try {
                reader.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readUntilClosed() {
        try {
            InputStream in = socket.getInputStream();
            byte[] body;
            while ((body = readFrame(in)) != null) {
                try {
                    inbox.add(SeedCodec.decode(body));
                } catch (SeedProtocolException e) {
                    problems.add("undecodable frame: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            if (!closing) {
                problems.add("reading stopped: " + e.getMessage());
            }
        }
    }

    private SeedMessage claimPassedOver(Predicate<? super SeedMessage> wanted) {
        for (Iterator<SeedMessage> it = passedOver.iterator(); it.hasNext(); ) {
            SeedMessage message = it.next();
            if (wanted.test(message)) {
                it.remove();
                return message;
            }
        }
        return null;
    }

    private String describe(String failure) {
        List<SeedMessage> unclaimed = new ArrayList<>(passedOver);
        inbox.drainTo(unclaimed);
        passedOver.clear();
        passedOver.addAll(unclaimed);
        return "user " + userId + ": " + failure + "; unclaimed " + unclaimed + "; problems " + problems;
    }

    private void requireLoggedIn() {
        if (!loggedIn()) {
            throw new IllegalStateException("user " + userId + " is not logged in: " + loginResult);
        }
    }

    private static Socket connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // Go's default for TCP connections
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Two writes, header then body, as the stock client's WritePkg does; the server must reassemble them. */
    private static void writeFrame(Socket socket, SeedMessage message) throws IOException {
        byte[] frame = SeedCodec.encode(message);
        synchronized (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(frame, 0, SeedFrameDecoder.HEADER_BYTES);
            out.flush();
            out.write(frame, SeedFrameDecoder.HEADER_BYTES, frame.length - SeedFrameDecoder.HEADER_BYTES);
            out.flush();
        }
    }

    private static SeedMessage readReply(Socket socket) throws IOException {
        socket.setSoTimeout(REPLY_TIMEOUT_MILLIS);
        byte[] body = readFrame(socket.getInputStream());
        if (body == null) {
            throw new EOFException("server closed the connection without replying");
        }
        try {
            return SeedCodec.decode(body);
        } catch (SeedProtocolException e) {
            throw new IOException("the stock client could not read the reply: " + e.getMessage(), e);
        }
    }

    /**
     * One frame body, or null if the stream ended cleanly between frames. The real client does a single read()
     * for the header and a single read() for the body, with no loop, so it misreads a frame TCP delivers in
     * pieces; this loops until the frame is whole, so tests judge what the server sent, not how TCP split it.
     */
    private static byte[] readFrame(InputStream in) throws IOException {
        byte[] header = in.readNBytes(SeedFrameDecoder.HEADER_BYTES);
        if (header.length == 0) {
            return null;
        }
        if (header.length < SeedFrameDecoder.HEADER_BYTES) {
            throw new EOFException("stream ended inside a frame header");
        }
        long length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFFL) << 16)
                | ((header[2] & 0xFFL) << 8) | (header[3] & 0xFFL);
        if (length > STOCK_BUFFER_BYTES) {
            throw new IOException("a " + length + "-byte frame would crash the stock client (buffer "
                    + STOCK_BUFFER_BYTES + ")");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("stream ended inside a " + length + "-byte frame body");
        }
        return body;
    }

    // The stock client unmarshals its first frame into LoginResMes whatever the type: only "code" and "error"
    // keys carry over, and a type without them reads as code 0, a failed login.
    private static LoginResMes misreadAsLoginResult(SeedMessage message) {
        if (message instanceof LoginResMes result) {
            return result;
        }
        if (message instanceof RegisterResMes other) {
            return new LoginResMes(other.code(), null, other.error());
        }
        return new LoginResMes(0, null, "");
    }

    private static RegisterResMes misreadAsRegisterResult(SeedMessage message) {
        if (message instanceof RegisterResMes result) {
            return result;
        }
        if (message instanceof LoginResMes other) {
            return new RegisterResMes(other.code(), other.error());
        }
        return new RegisterResMes(0, "");
    }
}
