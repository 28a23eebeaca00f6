/**
 * {@code parley bench}: the load generator. {@link dev.parley.bench.BenchCommand} picks a scenario
 * ({@code ConnectionsScenario}, {@code RoomTraffic} for fanout, {@code RoomsScenario}, {@code ChurnScenario},
 * {@code PrivateScenario}, {@code LoginsScenario}, {@code ClusterScenario}); {@code Generator} holds every simulated {@code LoadClient} on one event loop,
 * {@code LatencyHistogram} measures and {@code BenchResult} reports. With {@code --proto irc} the users speak IRC
 * ({@code IrcLogin} logs them in, {@code ChatLines} sends and recognises messages). Method and figures:
 * docs/performance.md, docs/irc.md.
 */
package dev.parley.bench;
