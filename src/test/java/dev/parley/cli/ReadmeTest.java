package dev.parley.cli;

import dev.parley.config.ConfigLoader;
import dev.parley.config.EnvOverrides;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps README.md true: every configuration key and the commands it promises. */
class ReadmeTest {

    @Test
    @DisplayName("README lists every configuration key with its environment variable")
    void everyKeyDocumented() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        JsonObject defaults = ConfigLoader.defaults();
        for (String section : defaults.fieldNames()) {
            for (String key : defaults.getJsonObject(section).fieldNames()) {
                assertTrue(readme.contains("`" + section + "." + key + "`"),
                        section + "." + key + " missing from README (run tools/config-table.py)");
                assertTrue(readme.contains("`" + EnvOverrides.envName(section, key) + "`"),
                        EnvOverrides.envName(section, key) + " missing from README");
            }
        }
    }

    @Test
    @DisplayName("README's test command is the one CI runs")
    void ciRunsReadmeCommand() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("```sh\n./test.sh\n```"));
        assertTrue(Files.readString(Path.of(".ci/run")).contains("./test.sh"));
    }
}
