/**
 * The services behind the gateway, each in its own package and reached only over the event bus
 * (addresses and message shapes in its {@code *Addresses} class). Shared here: {@link dev.parley.service.Bus}
 * (replies and failures on the bus), {@link dev.parley.service.BusCheck} (validating bodies),
 * {@link dev.parley.service.Dedup} (retried messages delivered once) and {@link dev.parley.service.MessageIds}.
 */
package dev.parley.service;
