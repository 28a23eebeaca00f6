package dev.parley.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A set of IP addresses given as comma-separated literals or CIDR blocks ("127.0.0.1, 10.0.0.0/8, ::1").
 * Literals only: a host name would need a DNS lookup, which must never happen on an event loop.
 */
public final class AddressSet {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final AddressSet EMPTY = new AddressSet(List.of());

    private record Block(byte[] network, int prefixBits) {
        boolean contains(byte[] a) {
            if (a.length != network.length) return false;
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) if (a[i] != network[i]) return false;
            int rest = prefixBits % 8;
            if (rest == 0) return true;
            int mask = 0xff << (8 - rest) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    private AddressSet(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** @throws IllegalArgumentException naming the entry that is not an IP literal or CIDR block */
    public static AddressSet parse(String spec) {
        if (spec == null || spec.isBlank()) return EMPTY;
        List<Block> blocks = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) continue;
            int slash = entry.indexOf('/');
            byte[] net = literal(slash < 0 ? entry : entry.substring(0, slash), entry);
            int bits = net.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + entry + "' has no valid prefix length");
                }
                if (bits < 0 || bits > net.length * 8) {
                    throw new IllegalArgumentException("'" + entry + "': prefix length must be 0-" + net.length * 8);
                }
            }
            blocks.add(new Block(net, bits));
        }
        return new AddressSet(List.copyOf(blocks));
    }

    /** The bytes of an IP literal, or null when {@code address} is not one. */
    public static byte[] bytesOf(String address) {
        try {
            return literal(address, address);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean contains(String address) {
        if (blocks.isEmpty()) return false;
        byte[] a = bytesOf(address);
        if (a == null) return false;
        for (Block b : blocks) if (b.contains(a)) return true;
        return false;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    private static byte[] literal(String ip, String entry) {
        if (!IPV4.matcher(ip).matches() && ip.indexOf(':') < 0) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
        }
        if (ip.indexOf(':') < 0) {
            for (String octet : ip.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
                }
            }
        }
        try {
            return InetAddress.getByName(ip).getAddress();   // a literal: no DNS lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
        }
    }
}
