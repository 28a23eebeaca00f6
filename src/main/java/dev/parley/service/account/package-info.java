/**
 * Accounts after registration: {@link dev.parley.service.account.AccountVerticle} lets users change their
 * password or name or delete their account, and operators lock, delete, reset, kick and broadcast. One
 * record per request ({@code ChangePasswordRequest}, {@code KickRequest}...); contract in {@code AccountAddresses}.
 */
package dev.parley.service.account;
