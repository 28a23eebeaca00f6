package dev.parley.config;

/**
 * Turns a failure to listen into a sentence an operator can act on: which port, and the key, flag and
 * environment variable that choose another (e.g. three nodes on one machine all taking 9090).
 */
public final class ListenFailure {
    private ListenFailure() {
    }

    /**
     * @param what "chat port", "TLS port", "ops port"
     * @param key  the configuration key, e.g. server.port; its environment variable is derived from it
     * @param flag the command-line flag, or null when there is none
     */
    public static ConfigException explain(Throwable t, String what, String host, int port, String key, String flag) {
        String env = EnvOverrides.envName(key.substring(0, key.indexOf('.')), key.substring(key.indexOf('.') + 1));
        String fix = (flag == null ? "" : flag + " or ") + env + " (" + key + ")";
        if (inUse(t)) {
            return new ConfigException(key + ": " + what + " " + port + " is in use: choose another with " + fix
                    + "; 0 picks a free port");
        }
        return new ConfigException(key + ": cannot listen on " + host + ":" + port + " for the " + what + " ("
                + t.getMessage() + "); set " + fix);
    }

    private static boolean inUse(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.net.BindException || String.valueOf(c.getMessage()).contains("in use")) return true;
        }
        return false;
    }
}
