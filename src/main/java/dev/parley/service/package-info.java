/**
 * The services behind the gateway, each in its own package and reached only over the event bus
 * (addresses in its {@code *Addresses} class, one record per message beside it). Shared here: {@link dev.parley.service.Bus}
 * (one per node: parsing bodies into records, replies and failures, counted through {@code BusMetrics}),
 * {@link dev.parley.service.BusCheck} (the validation rules the records use), {@code Empty},
 * {@link dev.parley.service.Dedup} (retried messages delivered once) and {@link dev.parley.service.MessageIds}.
 */
package dev.parley.service;
