package org.opencommerce.customer.token.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.opencommerce.customer.platform.Caller;

import java.time.Duration;
import java.time.Instant;

/** The spec's {@code ValidateTokenResponse}. */
@JsonbPropertyOrder({"tokenType", "expiresIn", "scope", "sessionId", "email", "legalEntityId"})
public record ValidateTokenResponse(
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn,
        @JsonbProperty("scope") String scope,
        @JsonbProperty("sessionId") String sessionId,
        @JsonbProperty("email") String email,
        @JsonbProperty("legalEntityId") String legalEntityId) {

    static ValidateTokenResponse of(Caller caller, Instant now) {
        long left = Math.max(0, Duration.between(now, caller.expiresAt()).getSeconds());
        return new ValidateTokenResponse("Bearer", left, caller.scope(), caller.sessionId(), caller.email(),
                caller.legalEntityId());
    }
}
