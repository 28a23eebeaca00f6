import com.fasterxml.jackson.databind.node.TextNode;
import dev.parley.protocol.Json;
import dev.parley.protocol.JsonLineEncoder;
import dev.parley.protocol.JsonRequestParser;
import dev.parley.protocol.MessageEvent;
import dev.parley.protocol.Reply;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The protocol work of one private message on the server, alone: decode the sender's `msg` line, encode the
 * receiver's `message` event and the sender's `ok` reply. Thread CPU time and bytes allocated per message, the
 * median of R rounds of N, on one thread (robust to other load on the machine, unlike a wall-clock rate).
 * Usage: java -cp target/parley.jar tools/MsgCodecCost.java 200000 9
 */
public class MsgCodecCost {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        byte[] line = ("{\"op\":\"msg\",\"rid\":123456,\"to\":\"prv1-000123\",\"text\":\"" + "x".repeat(64) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        double[] cpu = new double[rounds];
        double[] alloc = new double[rounds];
        long sink = 0;
        for (int r = -2; r < rounds; r++) {   // two rounds of warm-up
            long c0 = threads.getCurrentThreadCpuTime();
            long a0 = threads.getThreadAllocatedBytes(me);
            for (int i = 0; i < n; i++) {
                var req = JsonRequestParser.parse(line);
                String text = req.text("text");
                byte[] event = JsonLineEncoder.encode(new MessageEvent(false, "m" + i, "prv1-000122", "Name", "prv1-000123",
                        text, 1764547200000L + i, false, null, java.util.Map.of()));
                byte[] reply = JsonLineEncoder.encode(Reply.ok("msg", req.rid(), Json.object().put("id", "m" + i)
                        .put("ts", 1764547200000L + i).put("stored", false).put("to", "prv1-000123")));
                sink += event.length + reply.length;
            }
            if (r < 0) continue;
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / (double) n;
            alloc[r] = (threads.getThreadAllocatedBytes(me) - a0) / (double) n;
        }
        java.util.Arrays.sort(cpu);
        java.util.Arrays.sort(alloc);
        System.out.printf("per private message (decode + event + reply): CPU median %.0f ns (min %.0f), allocated %.0f B%n",
                cpu[rounds / 2], cpu[0], alloc[rounds / 2]);
        if (sink == 42) System.out.println();
    }
}
