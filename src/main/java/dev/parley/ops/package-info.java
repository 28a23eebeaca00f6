/**
 * The operations port, apart from the chat logic: {@link dev.parley.ops.OpsPort} starts it with what feeds it;
 * {@link dev.parley.ops.OpsVerticle} serves health, readiness and metrics; {@link dev.parley.ops.NodeReadiness}
 * lists the checks that make a node ready, run by {@link dev.parley.ops.Readiness}; {@link dev.parley.ops.ParleyMetrics}
 * holds every Prometheus metric; {@link dev.parley.ops.AdminApi} is the admin HTTP API; {@code StoreSizeSampler}
 * samples storage size.
 */
package dev.parley.ops;
