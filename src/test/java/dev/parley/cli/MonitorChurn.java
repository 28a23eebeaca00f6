package dev.parley.cli;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run in its own JVM by {@link JvmFlagsTest}: inflates {@code args[0]} monitors the way a Vert.x bus request does
 * (an identity hash taken while its lock is held), then prints how many are still in use every 100 ms
 * ("monitors N peak P", P the most ever in use) until fewer than {@code args[2]} are, or for {@code args[1]} ms.
 * Needs {@code -XX:NativeMemoryTracking=summary}.
 */
public final class MonitorChurn {
    private static final Pattern MONITORS =
            Pattern.compile("Object Monitors \\(reserved=\\d+KB, committed=\\d+KB\\)\\s+\\(malloc=\\d+KB #(\\d+)\\)(?: \\(peak=\\d+KB #(\\d+)\\))?");

    public static void main(String[] args) throws Exception {
        int inflations = Integer.parseInt(args[0]);
        long watchMillis = Long.parseLong(args[1]);
        long doneBelow = Long.parseLong(args[2]);
        // One monitor stays in use (a waiting thread's), so NMT keeps listing the category with its peak.
        Object held = new Object();
        Thread waiter = new Thread(() -> {
            synchronized (held) {
                try {
                    held.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        waiter.setDaemon(true);
        waiter.start();
        for (int i = 0; i < inflations; i++) {
            Object lock = new Object();
            synchronized (lock) {
                lock.hashCode();
            }
        }
        long end = System.currentTimeMillis() + watchMillis;
        while (System.currentTimeMillis() < end) {
            String seen = monitors();
            System.out.println(seen);
            if (Long.parseLong(seen.split(" ")[1]) < doneBelow) return;
            Thread.sleep(100);
        }
    }

    private static String monitors() throws Exception {
        String nmt = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                new Object[]{new String[]{"summary"}}, new String[]{String[].class.getName()});
        Matcher m = MONITORS.matcher(nmt);
        if (!m.find()) return "monitors 0 peak 0";
        return "monitors " + m.group(1) + " peak " + (m.group(2) == null ? m.group(1) : m.group(2));
    }
}
