/**
 * Registration and login: {@link dev.parley.service.auth.AuthVerticle} checks passwords with
 * {@link dev.parley.service.auth.PasswordHasher} on {@link dev.parley.service.auth.HashQueue}'s bounded threads,
 * throttled by {@code LoginLimits} and {@code RegistrationLimits}; {@code AccountRules} says what a valid id,
 * password and name are. Contract in {@code AuthAddresses}; policy in docs/security.md.
 */
package dev.parley.service.auth;
