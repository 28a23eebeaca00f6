package dev.parley.service.auth;

import dev.parley.config.ParleyConfig;
import dev.parley.store.CounterStore.Limit;

import java.time.Duration;
import java.util.List;

/** Registrations per remote address per hour, and for the whole server per minute: hashing is costly. */
final class RegistrationLimits {
    static final int BY_ADDRESS = 0;
    static final int GLOBAL = 1;

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private final long perAddress;
    private final long global;

    RegistrationLimits(ParleyConfig.Auth c) {
        this.perAddress = c.registrationsPerAddressPerHour();
        this.global = c.registrationsPerMinute();
    }

    List<Limit> limits(String address) {
        return List.of(new Limit("reg:a:" + address, perAddress, HOUR), new Limit("reg:all", global, MINUTE));
    }

    static String refusal(int refusedBy) {
        return refusedBy == BY_ADDRESS
                ? "too many registrations from your address; try again later"
                : "too many registrations on the server right now; try again in a minute";
    }
}
