package dev.parley.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Loads configuration once: the defaults shipped in the jar (conf/parley.yaml), then an optional
 * file, then the environment, then CLI flags (last wins), and maps it to {@link ParleyConfig}.
 */
public final class ConfigLoader {

    private static final String DEFAULTS_RESOURCE = "parley.yaml";

    private ConfigLoader() {
    }

    /**
     * @param configFile optional YAML file overriding the defaults
     * @param env        the environment (injected so the rules are testable)
     * @param flags      dotted keys set from the command line, applied last
     */
    public static Future<ParleyConfig> load(Vertx vertx, Path configFile, Supplier<Map<String, String>> env,
                                            Map<String, Object> flags) {
        ConfigRetrieverOptions options = new ConfigRetrieverOptions().setScanPeriod(-1)
                .addStore(new ConfigStoreOptions().setType("json").setConfig(defaults()));
        if (configFile != null) {
            if (!Files.isReadable(configFile)) {
                return Future.failedFuture(new ConfigException("--config: cannot read " + configFile));
            }
            options.addStore(new ConfigStoreOptions().setType("file").setFormat("yaml")
                    .setConfig(new JsonObject().put("path", configFile.toAbsolutePath().toString())));
        }
        ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
        return retriever.getConfig()
                .recover(e -> Future.failedFuture(new ConfigException(
                        "--config " + configFile + ": not valid YAML (" + e.getMessage() + ")")))
                .map(json -> {
                    retriever.close();
                    EnvOverrides.apply(json, env.get());
                    flags.forEach((path, value) -> put(json, path, value));
                    return ParleyConfig.from(json);
                });
    }

    /** The shipped defaults as a JSON tree. */
    public static JsonObject defaults() {
        try (var in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + DEFAULTS_RESOURCE + " in the jar");
            Object tree = new org.yaml.snakeyaml.Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return JsonObject.mapFrom(tree);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void put(JsonObject json, String path, Object value) {
        String[] parts = path.split("\\.");
        JsonObject cur = json;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonObject next = cur.getJsonObject(parts[i]);
            if (next == null) {
                next = new JsonObject();
                cur.put(parts[i], next);
            }
            cur = next;
        }
        cur.put(parts[parts.length - 1], value);
    }
}
