import java.io.*;
import java.net.*;
import java.util.*;

/** Accept-path probe for storms (docs/performance.md, "Login storms"): run with `java tools/ConnectProbe.java PORT SECONDS`.
 * Every 100 ms: a fresh blocking connect (timed) and a ping (timed to its answer); prints p50/p99 at the end. */
public class ConnectProbe {
    public static void main(String[] a) throws Exception {
        String host = "127.0.0.1"; int port = Integer.parseInt(a[0]); long until = System.currentTimeMillis() + Long.parseLong(a[1]) * 1000;
        List<Double> connect = new ArrayList<>(), ping = new ArrayList<>(); int failures = 0;
        while (System.currentTimeMillis() < until) {
            long t0 = System.nanoTime();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 10_000);
                long t1 = System.nanoTime();
                s.setSoTimeout(30_000);
                s.getOutputStream().write("{\"op\":\"ping\",\"rid\":1}\n".getBytes());
                String line = new BufferedReader(new InputStreamReader(s.getInputStream())).readLine();
                long t2 = System.nanoTime();
                if (line == null || !line.startsWith("{")) failures++;
                connect.add((t1 - t0) / 1e6); ping.add((t2 - t1) / 1e6);
            } catch (IOException e) { failures++; }
            Thread.sleep(100);
        }
        if (connect.isEmpty()) {
            System.out.println("no probe completed; failures " + failures);
            return;
        }
        Collections.sort(connect); Collections.sort(ping);
        System.out.printf("probes %d failures %d connect p50 %.2f p99 %.2f max %.2f ms; ping p50 %.2f p99 %.2f max %.2f ms%n", connect.size(), failures,
            pct(connect, 50), pct(connect, 99), connect.get(connect.size() - 1), pct(ping, 50), pct(ping, 99), ping.get(ping.size() - 1));
    }
    static double pct(List<Double> v, int p) { return v.get(Math.min(v.size() - 1, (int) Math.ceil(p / 100.0 * v.size()) - 1)); }
}
