package dev.parley.service.auth;

import dev.parley.service.BusCheck;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static dev.parley.service.Contracts.refuses;
import static dev.parley.service.Contracts.refusesNonObjects;
import static dev.parley.service.Contracts.roundTrips;
import static dev.parley.service.Contracts.tooLong;

class AuthContractsTest {
    @Test
    @DisplayName("register and login requests and replies cross the bus unchanged, absent fields included")
    void roundTrip() {
        roundTrips(new RegisterRequest("alice", "secret1", "Alice", "10.0.0.1"), RegisterRequest::toJson, RegisterRequest::fromJson);
        roundTrips(new RegisterRequest("alice", "secret1", null, null), RegisterRequest::toJson, RegisterRequest::fromJson);
        roundTrips(new LoginRequest("alice", "secret1", "10.0.0.1"), LoginRequest::toJson, LoginRequest::fromJson);
        roundTrips(new LoginRequest(null, null, null), LoginRequest::toJson, LoginRequest::fromJson);
        roundTrips(new RegisterReply("alice", "Alice"), RegisterReply::toJson, RegisterReply::fromJson);
        roundTrips(new LoginReply("alice", "Alice"), LoginReply::toJson, LoginReply::fromJson);
    }

    @Test
    @DisplayName("requests check types and sizes only (the service words missing fields itself); replies need every field")
    void refusals() {
        refuses(LoginRequest::fromJson, new JsonObject().put("user", 7).put("password", "x"), "user");
        refuses(LoginRequest::fromJson, new JsonObject().put("user", "a").put("password", tooLong(BusCheck.FIELD_MAX)), "password");
        refuses(RegisterRequest::fromJson, new JsonObject().put("user", "a").put("name", true), "name");
        refuses(RegisterReply::fromJson, new JsonObject().put("user", "a"), "name");
        refuses(LoginReply::fromJson, new JsonObject().put("name", "A"), "user");
        refusesNonObjects(LoginRequest::fromJson);
        refusesNonObjects(RegisterRequest::fromJson);
    }
}
