package dev.parley.bench;

import dev.parley.tls.ClientTls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every option of {@code parley bench}, parsed once; each scenario reads the ones it needs. */
final class BenchOptions {
    /** Sessions one generator process may hold: the machine's 20,000 open-files cap, minus headroom. */
    static final int MAX_CONNECTIONS_PER_PROCESS = 19_500;
    /** Ephemeral ports per source address are ~28k; stay well below before using the next 127.0.0.x. */
    static final int CONNECTIONS_PER_SOURCE_ADDRESS = 20_000;

    /** One node to connect to. */
    record Target(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    String scenario;
    String host = "127.0.0.1";
    int port = 8889;
    /** TLS to the nodes (--tls, --ca, --insecure): measures the chat port users reach over TLS. */
    ClientTls tls = ClientTls.OFF;
    /** Nodes the users are spread over (user i on targets[i % n] unless a scenario says otherwise); default host:port. */
    List<Target> targets = List.of();
    /** Same-machine server processes (one per node): CPU over the window, RSS for connections. */
    long[] serverPids = new long[0];
    /** connections: hold until this file exists (at most --duration), to line several generator processes up. */
    Path holdFile;
    String usersPrefix = "bench";
    /** What the users speak: Parley's JSON lines, or IRC (against Parley or any IRC server). */
    String proto = "json";
    /** How IRC users log in: none (NICK/USER only, for servers without accounts), pass, or sasl. */
    IrcLogin.Auth ircAuth = IrcLogin.Auth.SASL;
    /** The IRC channel the fan-out members join. */
    String channel = "#bench";
    String password = "bench-pass-1";
    double durationSeconds = 10;
    double warmupSeconds = 2;
    Path json;
    // connections
    int connections = 1000;
    long serverPid;
    int sourceAddresses;
    // fanout
    int members = 200;
    int senders = -1;
    double rate = 20;
    int window;
    int size = 64;
    // private
    int pairs = 500;
    // cluster: the private phase's rate per pair (--rate is the fan-out phase's)
    double pairRate = -1;
    // rooms (and churn: --rooms, --room-prefix, --skip-join)
    int rooms = 100;
    int roomSize = 10;
    int roomsPerUser = 1;
    int sendersPerRoom = 1;
    /** Room names are "#<prefix>-<n>"; the same prefix in several generators means the same rooms. Default: --users-prefix. */
    String roomPrefix;
    boolean skipJoin;
    // churn
    int users = 1000;
    double churnRate = 1000;
    // logins
    int kdfIterations;
    // shared
    int concurrency = 200;
    boolean skipRegister;
    double connectTimeoutSeconds = 10;
    double setupTimeoutSeconds = 300;
    double drainSeconds = 5;
    double settleSeconds = 2;

    static final String USAGE = """
            usage: java -jar parley.jar bench <scenario> [options]
            scenarios:
              connections   N logged-in idle sessions: connect+login rate, server RSS per session
              fanout        M members in the room, S senders at R msg/s each (or --window W flat out)
              private       K pairs exchanging private messages: round trip and msg/s
              logins        login rate at the server's password KDF cost
              cluster       fanout then private with users spread over several nodes (--targets):
                            cross-node latency reported apart from same-node latency
              rooms         R rooms of K members, S senders per room at R msg/s each (or --window W):
                            lost, duplicated and misdelivered (outside its room) messages, latency
              churn         N logged-in users join and part rooms at C operations/s: reply latency, failures
            common options:
              --host H (127.0.0.1)  --port P (8889)  --users-prefix S (bench)  --password P
              --targets H:P,H:P,... several nodes (instead of --host/--port): user i connects to
                            node i mod n (round robin); fanout, private, connections, cluster
              --duration SEC (10)   --warmup SEC (2)  --json FILE   --concurrency N (200 logins in flight)
              --skip-register       users already exist (same --users-prefix as an earlier run)
              --tls                 connect over TLS (default port 8890), trusting the JVM's trust store
              --ca FILE             trust this CA (PEM) instead; implies --tls
              --insecure            accept any certificate (prints a warning); implies --tls
              --connect-timeout SEC (10)  --setup-timeout SEC (300)  --drain SEC (5)
              --proto json|irc (json) IRC users for fanout, private, connections and cluster, against Parley (the
                            chat port, irc.port or irc.tlsPort with --tls) or any IRC server; no --window (IRC
                            does not answer a PRIVMSG: a send counts as acknowledged, a 4xx numeric as an error)
              --irc-auth sasl|pass|none (sasl) SASL PLAIN, PASS <user>:<password>, or NICK/USER only (servers
                            without accounts); users are registered first with IRCv3 REGISTER unless none or
                            --skip-register  --channel #NAME (#bench: the fan-out channel IRC members join)
            any scenario: --server-pid PID[,PID...]  (same machine, one per node: report the servers' CPU,
                            and their RSS for connections)
            connections: --connections N (1000, at most 19500 per process)
                         --source-addresses K (127.0.0.1..K; default: one per 20000 connections)
                         --settle SEC (2: quiet time before reading RSS)
                         --hold-file F (hold until F exists, at most --duration: lines up several generators)
            fanout:      --members M (200) --senders S (all) --rate R (20 msg/s each) --window W (0 = use rate)
                         --size BYTES (64: message text length)
            private:     --pairs K (500) --rate R (20 round trips/s per pair) --window W (0 = use rate) --size BYTES
            rooms:       --rooms R (100) --room-size K (10) --rooms-per-user M (1: R*K/M users, at most 19500)
                         --senders-per-room S (1) --rate X (20 msg/s per sender and room) --window W --size BYTES
                         --room-prefix P (rooms #P-0..#P-<R-1>; default --users-prefix: generators sharing rooms
                            give the same P and each its own --users-prefix)
                         --skip-join (members joined in an earlier run) --hold-file F (after setup, wait for F
                            before the load, at most --setup-timeout: lines several generators up)
                         setup: a join pass (log in, join, log out; --concurrency logins in flight), then the logins
            churn:       --users N (1000, at least --rooms) --rooms R (100) --churn-rate C (1000 joins+parts/s)
                         --room-prefix P --skip-join; user u stays in room u mod R and joins/parts the others
            logins:      --connections N (8 logins in flight) --kdf-iterations N (reported with the rate)
            cluster:     --targets (at least 2), the fanout options (--members --senders --rate --window --size)
                         and --pairs K --pair-rate R (20 round trips/s per pair) for the private phase;
                         fan-out members round robin over the nodes, half the pairs on one node, half across two
            """;

    static BenchOptions parse(String[] args) {
        if (args.length == 0) throw new IllegalArgumentException("which scenario?");
        BenchOptions o = new BenchOptions();
        o.scenario = args[0].toLowerCase(Locale.ROOT);
        boolean connectionsSet = false;
        boolean portSet = false;
        boolean tls = false;
        boolean insecure = false;
        String ca = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--host" -> o.host = value(args, ++i, a);
                case "--port" -> {
                    o.port = intValue(args, ++i, a, 1, 65535);
                    portSet = true;
                }
                case "--tls" -> tls = true;
                case "--insecure" -> insecure = true;
                case "--ca" -> ca = value(args, ++i, a);
                case "--users-prefix" -> o.usersPrefix = value(args, ++i, a);
                case "--password" -> o.password = value(args, ++i, a);
                case "--duration" -> o.durationSeconds = doubleValue(args, ++i, a, 0.1, 3600);
                case "--warmup" -> o.warmupSeconds = doubleValue(args, ++i, a, 0, 600);
                case "--json" -> o.json = Path.of(value(args, ++i, a));
                case "--connections" -> {
                    o.connections = intValue(args, ++i, a, 1, MAX_CONNECTIONS_PER_PROCESS);
                    connectionsSet = true;
                }
                case "--server-pid" -> o.serverPids = pids(value(args, ++i, a));
                case "--targets" -> o.targets = targets(value(args, ++i, a));
                case "--hold-file" -> o.holdFile = Path.of(value(args, ++i, a));
                case "--pair-rate" -> o.pairRate = doubleValue(args, ++i, a, 0.01, 100_000);
                case "--source-addresses" -> o.sourceAddresses = intValue(args, ++i, a, 1, 254);
                case "--members" -> o.members = intValue(args, ++i, a, 2, MAX_CONNECTIONS_PER_PROCESS);
                case "--senders" -> o.senders = intValue(args, ++i, a, 1, MAX_CONNECTIONS_PER_PROCESS);
                case "--rate" -> o.rate = doubleValue(args, ++i, a, 0.01, 100_000);
                case "--window" -> o.window = intValue(args, ++i, a, 0, 10_000);
                case "--size" -> o.size = intValue(args, ++i, a, 40, 4000);
                case "--pairs" -> o.pairs = intValue(args, ++i, a, 1, MAX_CONNECTIONS_PER_PROCESS / 2);
                case "--rooms" -> o.rooms = intValue(args, ++i, a, 1, 1_000_000);
                case "--room-size" -> o.roomSize = intValue(args, ++i, a, 2, MAX_CONNECTIONS_PER_PROCESS);
                case "--rooms-per-user" -> o.roomsPerUser = intValue(args, ++i, a, 1, 100);
                case "--senders-per-room" -> o.sendersPerRoom = intValue(args, ++i, a, 1, MAX_CONNECTIONS_PER_PROCESS);
                case "--room-prefix" -> o.roomPrefix = value(args, ++i, a);
                case "--skip-join" -> o.skipJoin = true;
                case "--users" -> o.users = intValue(args, ++i, a, 2, MAX_CONNECTIONS_PER_PROCESS);
                case "--churn-rate" -> o.churnRate = doubleValue(args, ++i, a, 0.1, 1_000_000);
                case "--kdf-iterations" -> o.kdfIterations = intValue(args, ++i, a, 1, Integer.MAX_VALUE);
                case "--concurrency" -> o.concurrency = intValue(args, ++i, a, 1, 10_000);
                case "--skip-register" -> o.skipRegister = true;
                case "--connect-timeout" -> o.connectTimeoutSeconds = doubleValue(args, ++i, a, 0.1, 600);
                case "--setup-timeout" -> o.setupTimeoutSeconds = doubleValue(args, ++i, a, 1, 3600);
                case "--drain" -> o.drainSeconds = doubleValue(args, ++i, a, 0, 600);
                case "--settle" -> o.settleSeconds = doubleValue(args, ++i, a, 0, 600);
                case "--proto" -> o.proto = oneOf(value(args, ++i, a), a, "json", "irc");
                case "--irc-auth" -> o.ircAuth = IrcLogin.Auth.valueOf(oneOf(value(args, ++i, a), a, "sasl", "pass", "none").toUpperCase(Locale.ROOT));
                case "--channel" -> o.channel = value(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (o.scenario.equals("logins") && !connectionsSet) o.connections = 8;
        o.tls = ClientTls.of(tls, insecure, ca);
        if (o.tls.enabled() && !portSet) o.port = ClientTls.DEFAULT_PORT;
        if (o.targets.isEmpty()) o.targets = List.of(new Target(o.host, o.port));
        o.serverPid = o.serverPids.length > 0 ? o.serverPids[0] : 0;
        if (o.pairRate < 0) o.pairRate = 20;
        if (o.scenario.equals("cluster") && o.targets.size() < 2) {
            throw new IllegalArgumentException("cluster needs --targets with at least 2 nodes");
        }
        if (o.scenario.equals("cluster") && o.pairs * 2 > MAX_CONNECTIONS_PER_PROCESS) {
            throw new IllegalArgumentException("--pairs: at most " + MAX_CONNECTIONS_PER_PROCESS / 2);
        }
        if (o.senders < 0 || o.senders > o.members) o.senders = o.members;
        if (o.scenario.equals("private") && o.pairs * 2 > MAX_CONNECTIONS_PER_PROCESS) {
            throw new IllegalArgumentException("--pairs: at most " + MAX_CONNECTIONS_PER_PROCESS / 2);
        }
        if (o.roomPrefix == null) o.roomPrefix = o.usersPrefix;
        if (o.irc()) checkIrc(o);
        if (o.scenario.equals("rooms") || o.scenario.equals("churn")) checkRooms(o);
        return o;
    }

    boolean irc() {
        return proto.equals("irc");
    }

    private static void checkIrc(BenchOptions o) {
        if (!List.of("fanout", "private", "connections", "cluster").contains(o.scenario)) {
            throw new IllegalArgumentException("--proto irc runs fanout, private, connections and cluster, not " + o.scenario);
        }
        if (o.window > 0) {
            throw new IllegalArgumentException("--proto irc has no --window: IRC does not answer a PRIVMSG, so there is nothing to keep in flight; use --rate");
        }
        if (!o.channel.matches("#[A-Za-z0-9_.-]{1,49}")) {
            throw new IllegalArgumentException("--channel: # and 1-49 of A-Z a-z 0-9 _ . -, not '" + o.channel + "'");
        }
    }

    private static String oneOf(String v, String flag, String... allowed) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (!List.of(allowed).contains(lower)) throw new IllegalArgumentException(flag + ": one of " + String.join(", ", allowed) + ", not '" + v + "'");
        return lower;
    }

    private static void checkRooms(BenchOptions o) {
        if (!o.roomPrefix.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new IllegalArgumentException("--room-prefix (or --users-prefix) must be 1-40 of A-Z a-z 0-9 _ . - for room names, not '"
                    + o.roomPrefix + "'");
        }
        if (String.valueOf(o.rooms - 1).length() + o.roomPrefix.length() + 2 > 50) {
            throw new IllegalArgumentException("room names '#" + o.roomPrefix + "-" + (o.rooms - 1) + "' would exceed 50 characters");
        }
        if (o.scenario.equals("churn")) {
            if (o.rooms < 2 || o.users < o.rooms) throw new IllegalArgumentException("churn needs --rooms of at least 2 and --users of at least --rooms");
            if (o.window > 0) throw new IllegalArgumentException("churn has no --window: it runs at --churn-rate");
            return;
        }
        long users = RoomLayout.usersFor(o.rooms, o.roomSize, o.roomsPerUser);
        if (users > MAX_CONNECTIONS_PER_PROCESS) {
            throw new IllegalArgumentException("--rooms x --room-size / --rooms-per-user = " + users + " users: at most "
                    + MAX_CONNECTIONS_PER_PROCESS + " per generator (use --rooms-per-user, or several generators with the same --room-prefix)");
        }
        RoomLayout.check(o.rooms, o.roomSize, o.roomsPerUser, o.sendersPerRoom);
    }

    /** The source addresses to spread {@code n} connections over: 127.0.0.1, 127.0.0.2, ... */
    List<String> sourceAddressesFor(int n) {
        int k = sourceAddresses > 0 ? sourceAddresses
                : Math.max(1, (n + CONNECTIONS_PER_SOURCE_ADDRESS - 1) / CONNECTIONS_PER_SOURCE_ADDRESS);
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= k; i++) out.add("127.0.0." + i);
        return out;
    }

    /** The target number {@code i} round robin falls on. */
    int roundRobin(int i) {
        return i % targets.size();
    }

    private static long[] pids(String v) {
        String[] parts = v.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--server-pid needs process ids, not '" + v + "'");
            }
            if (out[i] < 1) throw new IllegalArgumentException("--server-pid needs process ids, not '" + v + "'");
        }
        return out;
    }

    private static List<Target> targets(String v) {
        List<Target> out = new ArrayList<>();
        for (String t : v.split(",")) {
            t = t.trim();
            int colon = t.lastIndexOf(':');
            if (colon <= 0 || colon == t.length() - 1) throw new IllegalArgumentException("--targets needs host:port,host:port,..., not '" + t + "'");
            int port;
            try {
                port = Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--targets: bad port in '" + t + "'");
            }
            if (port < 1 || port > 65535) throw new IllegalArgumentException("--targets: bad port in '" + t + "'");
            out.add(new Target(t.substring(0, colon), port));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("--targets needs at least one host:port");
        return List.copyOf(out);
    }

    String user(String role, int i) {
        return usersPrefix + "-" + role + i;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) throw new IllegalArgumentException(flag + " needs a value");
        return args[i];
    }

    private static int intValue(String[] args, int i, String flag, int min, int max) {
        String v = value(args, i, flag);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw new IllegalArgumentException(flag + " must be in " + min + ".." + max);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, not '" + v + "'");
        }
    }

    private static double doubleValue(String[] args, int i, String flag, double min, double max) {
        String v = value(args, i, flag);
        try {
            double n = Double.parseDouble(v);
            if (!(n >= min && n <= max)) throw new IllegalArgumentException(flag + " must be in " + min + ".." + max);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, not '" + v + "'");
        }
    }
}
