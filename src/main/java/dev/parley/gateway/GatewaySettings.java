package dev.parley.gateway;

import dev.parley.config.ParleyConfig;

/** The configuration the gateway reads: its listeners ({@code server.*}) and its limits ({@code limits.*}). */
public record GatewaySettings(ParleyConfig.Server server, ParleyConfig.Limits limits) {

    public static GatewaySettings of(ParleyConfig config) {
        return new GatewaySettings(config.server(), config.limits());
    }
}
