/**
 * {@code parley admin}: the operators' command-line tool. {@link dev.parley.admin.AdminCommand} parses
 * the command and prints the answer; {@code AdminClient} calls a node's admin API over HTTP. The API
 * itself is {@link dev.parley.ops.AdminApi}.
 */
package dev.parley.admin;
