package dev.parley.gateway;

import dev.parley.config.AddressSet;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps connections per node and per remote address, across all gateway instances. Exempt addresses
 * (load generators, test harnesses) count towards the node total only.
 */
final class ConnectionLimiter {
    private final int maxTotal;
    private final int maxPerAddress;
    private final AddressSet exempt;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    ConnectionLimiter(int maxTotal, int maxPerAddress, AddressSet exempt) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.exempt = exempt;
    }

    /** Admits a connection (and counts it) or refuses it (and counts nothing). */
    boolean tryAcquire(String address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return false;
        }
        if (exempt.contains(address)) return true;
        AtomicInteger n = perAddress.computeIfAbsent(key(address), a -> new AtomicInteger());
        if (n.incrementAndGet() > maxPerAddress) {
            release(address);
            return false;
        }
        return true;
    }

    void release(String address) {
        total.decrementAndGet();
        if (exempt.contains(address)) return;
        perAddress.computeIfPresent(key(address), (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    int total() {
        return total.get();
    }

    int max() {
        return maxTotal;
    }

    /** IPv4: the address. IPv6: its /64, since one host is routinely given a whole /64 to pick from. */
    static String key(String address) {
        if (address.indexOf(':') < 0) return address;
        byte[] b = AddressSet.bytesOf(address);
        if (b == null || b.length != 16) return address;
        StringBuilder s = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) s.append(Integer.toHexString((b[i] & 0xff) << 8 | b[i + 1] & 0xff)).append(':');
        return s.append(":/64").toString();
    }
}
