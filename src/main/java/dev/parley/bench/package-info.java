/**
 * {@code parley bench}: the load generator. {@link dev.parley.bench.BenchCommand} picks a scenario
 * ({@code ConnectionsScenario}, {@code RoomTraffic} for fanout, {@code RoomsScenario}, {@code ChurnScenario},
 * {@code PrivateScenario}, {@code LoginsScenario}, {@code ClusterScenario}); {@code Generator} holds every simulated {@code LoadClient} on one event loop,
 * {@code LatencyHistogram} measures and {@code BenchResult} reports. Method and figures: docs/performance.md.
 */
package dev.parley.bench;
