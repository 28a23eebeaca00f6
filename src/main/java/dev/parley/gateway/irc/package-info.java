/**
 * IRC as a fourth protocol of the gateway's connections (issue 15, docs/irc.md): {@code IrcSession} (one per
 * IRC connection: registration, capabilities, SASL, the nick) turns lines into the same Parley requests the other
 * protocols send, through {@code IrcCommands}; {@code IrcEventRenderer} turns Parley's events into IRC lines,
 * once per event and variant; {@code EchoMessage} (echo-message) and {@code ChatHistoryCommand} (CHATHISTORY onto
 * rooms' history) are small parts of a session; {@code IrcErrors} is the one place that maps Parley's error codes to numerics.
 * The pure protocol (parsing, writing, numerics, CAP, SASL) is {@link dev.parley.protocol.irc}.
 */
package dev.parley.gateway.irc;
