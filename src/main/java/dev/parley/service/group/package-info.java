/**
 * The group room: {@link dev.parley.service.group.GroupVerticle} stores each message in the group history,
 * then publishes it once to every node, and answers the history head and what a user missed
 * ({@code MissedMessages}). Contract in {@code GroupAddresses} and its records.
 */
package dev.parley.service.group;
