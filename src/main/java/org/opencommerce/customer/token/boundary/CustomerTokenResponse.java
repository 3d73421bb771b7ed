package org.opencommerce.customer.token.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.opencommerce.customer.token.control.IssuedTokens;

/**
 * The spec's {@code CustomerToken} (login) and {@code RefreshCustomerToken} (refresh: no saas_token, no
 * initialPassword). {@code initialPassword} is a string, as the spec's schema types it.
 */
@JsonbPropertyOrder({"accessToken", "saasToken", "expiresIn", "refreshToken", "refreshTokenExpiresIn", "tokenType", "sessionId", "initialPassword"})
public record CustomerTokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("saas_token") String saasToken,
        @JsonbProperty("expires_in") long expiresIn,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("refresh_token_expires_in") long refreshTokenExpiresIn,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("session_id") String sessionId,
        @JsonbProperty("initialPassword") String initialPassword) {

    public static CustomerTokenResponse login(IssuedTokens tokens) {
        return new CustomerTokenResponse(tokens.accessToken(), tokens.saasToken(), tokens.expiresIn(), tokens.refreshToken(),
                tokens.refreshTokenExpiresIn(), "Bearer", tokens.sessionId(), String.valueOf(tokens.initialPassword()));
    }

    public static CustomerTokenResponse refresh(IssuedTokens tokens) {
        return new CustomerTokenResponse(tokens.accessToken(), null, tokens.expiresIn(), tokens.refreshToken(),
                tokens.refreshTokenExpiresIn(), "Bearer", tokens.sessionId(), null);
    }
}
