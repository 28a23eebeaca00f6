/**
 * The configuration, loaded once and typed: {@link dev.parley.config.ParleyConfig} (one record per
 * section), {@link dev.parley.config.ConfigLoader} (built-in defaults, then the YAML file, the environment
 * via {@code EnvOverrides}, then flags), {@code ConfigReader} (typed reads that name the key on error) and
 * {@link dev.parley.config.ConfigException}. Every key and its default: conf/parley.yaml.
 */
package dev.parley.config;
