import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.service.Bus;
import dev.parley.service.BusMetrics;
import dev.parley.service.Dedup;
import dev.parley.service.MessageIds;
import dev.parley.service.room.JoinRoomRequest;
import dev.parley.service.room.RoomAddresses;
import dev.parley.service.room.RoomSayRequest;
import dev.parley.service.room.RoomVerticle;
import dev.parley.store.Stores;
import dev.parley.store.mvstore.MvStores;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The rooms service's say path alone (bus request, dedup, store step, publish; no gateway, no sockets) on a real
 * embedded store, a room (#dev, 10 members) against the implicit default room (#lobby), interleaved round by round
 * so both see the same machine. Window W says in flight. Prints the median over rounds of says/s and of each
 * round's median reply time. Usage (after mvn -o -q package -DskipTests):
 *   java -cp target/parley.jar tools/SayLatency.java 3000 50 7      # says per round, window, rounds
 */
public class SayLatency {
    /** The whole process's CPU time (every thread, GC included): robust to other load on the machine, unlike says/s. */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int window = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Vertx vertx = Vertx.vertx();
        ParleyConfig config = ParleyConfig.from(ConfigLoader.defaults());
        Stores stores = MvStores.open(vertx, Files.createTempDirectory("say-latency"), 1000);
        Dedup dedup = new Dedup(stores.idempotency(), Duration.ofMinutes(5), Clock.systemUTC());
        RoomVerticle.RoomStores rooms = new RoomVerticle.RoomStores(stores.roomStore(), stores.roomHistory(),
                stores.readPositions(), stores.roomSpeech());
        await(vertx.deployVerticle(new RoomVerticle(new Bus(BusMetrics.NONE), config, rooms, stores.presence(),
                stores.counters(), dedup, new MessageIds(), Clock.systemUTC())));
        for (int i = 0; i < 10; i++) {
            await(vertx.eventBus().request(RoomAddresses.JOIN, new JoinRoomRequest("u" + i, "U" + i, "#dev").toJson()));
        }
        round(vertx, "#dev", n, window);
        round(vertx, "#lobby", n, window);
        Map<String, List<double[]>> results = new TreeMap<>();
        for (int r = 0; r < rounds; r++) {
            for (String room : List.of("#dev", "#lobby")) {
                results.computeIfAbsent(room, k -> new ArrayList<>()).add(round(vertx, room, n, window));
            }
        }
        results.forEach((room, got) -> {
            double[] rate = got.stream().mapToDouble(x -> x[0]).sorted().toArray();
            double[] p50 = got.stream().mapToDouble(x -> x[1]).sorted().toArray();
            double[] cpu = got.stream().mapToDouble(x -> x[2]).sorted().toArray();
            System.out.printf("%s: says/s median %.0f (min %.0f, max %.0f); reply p50 median %.2f ms; process CPU per say median %.1f us (min %.1f)%n",
                    room, rate[rate.length / 2], rate[0], rate[rate.length - 1], p50[p50.length / 2], cpu[cpu.length / 2], cpu[0]);
        });
        await(vertx.close());
        System.exit(0);
    }

    /** {says/s, median reply ms, process CPU us per say} of n says by 10 senders, window in flight. */
    private static double[] round(Vertx vertx, String room, int n, int window) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long[] replyNanos = new long[n];
        int[] sent = {0};
        int[] got = {0};
        long start = System.nanoTime();
        long cpuStart = CPU.getProcessCpuTime();
        vertx.getOrCreateContext().runOnContext(v -> {
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                int i = sent[0]++;
                JsonObject body = new RoomSayRequest("u" + i % 10, "U", room, "hello", null).toJson();
                long t = System.nanoTime();
                vertx.eventBus().<JsonObject>request(RoomAddresses.SAY, body).onComplete(ar -> {
                    if (ar.failed()) {
                        done.completeExceptionally(ar.cause());
                        return;
                    }
                    replyNanos[got[0]++] = System.nanoTime() - t;
                    if (got[0] == n) done.complete(null);
                    else if (sent[0] < n) next[0].run();
                });
            };
            for (int k = 0; k < window; k++) next[0].run();
        });
        done.get(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMicros = (CPU.getProcessCpuTime() - cpuStart) / 1e3 / n;
        Arrays.sort(replyNanos);
        return new double[]{n / seconds, replyNanos[n / 2] / 1e6, cpuMicros};
    }

    private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
