/**
 * The group room's history read back: {@link dev.parley.service.group.GroupVerticle} answers the history head and
 * what a user missed ({@code MissedMessages}). Saying in it (the default room) is the rooms service's, as in every
 * room. Contract in {@code GroupAddresses} and its records.
 */
package dev.parley.service.group;
