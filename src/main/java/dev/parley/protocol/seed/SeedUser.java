package dev.parley.protocol.seed;

import java.util.Objects;

/** The original's {@code User} struct, as carried by {@code RegisterMes}. */
public record SeedUser(long userId, String userPwd, String userName, int userStatus, String sex) {

    public SeedUser {
        Objects.requireNonNull(userPwd, "userPwd");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(sex, "sex");
    }
}
