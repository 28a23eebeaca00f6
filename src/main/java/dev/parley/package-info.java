/**
 * The launcher: {@link dev.parley.Main} dispatches {@code parley server|client|bench|admin},
 * {@link dev.parley.ServerCommand} turns flags and configuration into a running node, and
 * {@link dev.parley.ParleyServer} starts one node in order (stores, services, gateway, ops) and stops it;
 * {@code Services} deploys the services behind the gateway, {@code VertxClose} closes Vert.x off its own loops.
 * What each step starts lives in the package named after it.
 */
package dev.parley;
