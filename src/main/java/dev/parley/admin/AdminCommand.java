package dev.parley.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code parley admin <command>}: the operators' commands, through a node's admin API. */
public final class AdminCommand {
    public static final int OK = 0;
    /** The action was refused (no such user, invalid input...). */
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int TOKEN_REJECTED = 3;
    /** Nothing answers at the URL, or its admin API is off. */
    public static final int UNREACHABLE = 4;

    static final String HELP = """
            usage: parley admin [--url http://HOST:PORT] [--token T] <command>
              who [--page N] [--size N]     who is online (count, a page of users, per-node counts)
              kick USER [REASON...]         disconnect a user (they see bye KICKED and the reason)
              notice TEXT...                a notice to everyone online, on every node
              lock USER                     the account cannot log in; its session is closed
              unlock USER
              delete USER                   the account, its mail and positions; its session is closed
              reset-password USER           reads the new password from stdin (one line)
            --url defaults to http://127.0.0.1:9090 (the ops port); the token is --token or $PARLEY_ADMIN_TOKEN
            (the node's ops.adminToken). Exit codes: 0 done, 1 refused, 2 usage, 3 token rejected, 4 unreachable.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    private AdminCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        return new AdminCommand(in, out, err).run(args, env);
    }

    private int run(String[] args, Map<String, String> env) {
        String url = "http://127.0.0.1:9090";
        String token = env.getOrDefault("PARLEY_ADMIN_TOKEN", "");
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> {
                    if (++i >= args.length) return usage("--url needs a value");
                    url = args[i];
                }
                case "--token" -> {
                    if (++i >= args.length) return usage("--token needs a value");
                    token = args[i];
                }
                case "--help", "-h", "help" -> {
                    out.print(HELP);
                    return OK;
                }
                default -> rest.add(args[i]);
            }
        }
        if (rest.isEmpty()) return usage("which command?");
        if (token.isEmpty()) return usage("no admin token: pass --token or set PARLEY_ADMIN_TOKEN");
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url : url + "/");
            if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) return usage("--url must be http://HOST:PORT");
        } catch (IllegalArgumentException e) {
            return usage("--url must be http://HOST:PORT");
        }
        try {
            return execute(new AdminClient(base, token), rest.get(0), rest.subList(1, rest.size()), url);
        } catch (ConnectException | HttpTimeoutException e) {
            err.println("parley admin: cannot reach " + url + " (" + e.getClass().getSimpleName() + ")");
            return UNREACHABLE;
        } catch (IOException e) {
            err.println("parley admin: " + url + ": " + e.getMessage());
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        }
    }

    private int execute(AdminClient api, String command, List<String> args, String url) throws IOException, InterruptedException {
        switch (command) {
            case "who" -> {
                String[] ps = pageAndSize(args);
                if (ps == null) return usage("who [--page N] [--size N]");
                AdminClient.Answer a = api.call("GET", "admin/online?page=" + ps[0] + "&size=" + ps[1], null);
                return answered(a, url, () -> printWho(a.body()));
            }
            case "kick" -> {
                if (args.isEmpty()) return usage("kick USER [REASON...]");
                String reason = args.size() > 1 ? String.join(" ", args.subList(1, args.size())) : null;
                AdminClient.Answer a = api.call("POST", "admin/users/" + AdminClient.user(args.get(0)) + "/kick",
                        new JsonObject().put("reason", reason));
                return answered(a, url, () -> out.println(a.body().getBoolean("kicked")
                        ? "kicked " + args.get(0) : args.get(0) + " is not online; nothing to do"));
            }
            case "notice" -> {
                if (args.isEmpty()) return usage("notice TEXT...");
                AdminClient.Answer a = api.call("POST", "admin/notice", new JsonObject().put("text", String.join(" ", args)));
                return answered(a, url, () -> out.println("notice sent to everyone online"));
            }
            case "lock", "unlock" -> {
                if (args.size() != 1) return usage(command + " USER");
                AdminClient.Answer a = api.call("POST", "admin/users/" + AdminClient.user(args.get(0)) + "/" + command, null);
                return answered(a, url, () -> out.println(command + "ed " + args.get(0)
                        + (a.body().getBoolean("kicked", false) ? " (its session was closed)" : "")));
            }
            case "delete" -> {
                if (args.size() != 1) return usage("delete USER");
                AdminClient.Answer a = api.call("DELETE", "admin/users/" + AdminClient.user(args.get(0)), null);
                return answered(a, url, () -> out.println("deleted " + args.get(0)
                        + (a.body().getBoolean("kicked", false) ? " (its session was closed)" : "")));
            }
            case "reset-password" -> {
                if (args.size() != 1) return usage("reset-password USER (the new password is read from stdin)");
                String password = readPassword();
                if (password == null || password.isEmpty()) return usage("no new password on stdin");
                AdminClient.Answer a = api.call("POST", "admin/users/" + AdminClient.user(args.get(0)) + "/password",
                        new JsonObject().put("password", password));
                return answered(a, url, () -> out.println("password of " + args.get(0) + " reset"));
            }
            default -> {
                return usage("unknown command '" + command + "'");
            }
        }
    }

    /** Prints the outcome and maps it to the exit code. */
    private int answered(AdminClient.Answer a, String url, Runnable success) {
        if (a.status() == 200 && a.body() != null) {
            success.run();
            return OK;
        }
        if (a.status() == 401) {
            err.println("parley admin: admin token rejected by " + url);
            return TOKEN_REJECTED;
        }
        if (a.errorCode() == null) {
            err.println("parley admin: no admin API at " + url + " (HTTP " + a.status()
                    + "; is ops.adminToken set on that node, and is this its ops port?)");
            return UNREACHABLE;
        }
        err.println("parley admin: " + a.errorCode() + ": " + a.errorMessage());
        return FAILED;
    }

    private void printWho(JsonObject b) {
        JsonArray users = b.getJsonArray("users");
        out.println(b.getLong("count") + " online; page " + b.getInteger("page") + " (" + b.getInteger("size")
                + " per page): " + users.size() + " shown");
        for (Object o : users) {
            JsonObject u = (JsonObject) o;
            String name = u.getString("name");
            out.println("  " + u.getString("user") + (name == null || name.equals(u.getString("user")) ? "" : "  " + name)
                    + "  @" + u.getString("node"));
        }
        StringBuilder nodes = new StringBuilder();
        b.getJsonObject("nodes").forEach(e -> nodes.append(nodes.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
        out.println("per node: " + (nodes.length() == 0 ? "none" : nodes) + (b.getBoolean("complete", true) ? "" : " (partial)"));
    }

    /** From the terminal without echo, or the first line of stdin (for scripts); never from argv. */
    private String readPassword() throws IOException {
        if (in == System.in && System.console() != null) {
            char[] p = System.console().readPassword("new password: ");
            return p == null ? null : new String(p);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    }

    /** who's options as {page, size}, or null when malformed. */
    private static String[] pageAndSize(List<String> args) {
        String[] v = {"1", "50"};
        for (int i = 0; i < args.size(); i += 2) {
            int slot = args.get(i).equals("--page") ? 0 : args.get(i).equals("--size") ? 1 : -1;
            if (slot < 0 || i + 1 >= args.size() || !args.get(i + 1).matches("[0-9]{1,9}")) return null;
            v[slot] = args.get(i + 1);
        }
        return v;
    }

    private int usage(String problem) {
        err.println("parley admin: " + problem);
        err.print(HELP);
        return USAGE;
    }
}
