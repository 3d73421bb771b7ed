package org.opencommerce.customer.token.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.opencommerce.customer.token.control.IssuedTokens;

/**
 * The spec's {@code CustomerToken} (login, opt-in) and {@code RefreshCustomerToken} (refresh: no saas_token, no
 * initialPassword). {@code initialPassword} is a string, as the spec's schema types it. The deprecated camelCase
 * fields the schemas still list ({@code accessToken}, {@code expiresIn}, ...) are answered too, with the same values:
 * published storefront clients read them (docs/decisions.md, "Compatibility").
 */
@JsonbPropertyOrder({"accessToken", "saasToken", "expiresIn", "refreshToken", "refreshTokenExpiresIn", "tokenType", "sessionId",
        "initialPassword", "deprecatedAccessToken", "deprecatedSaasToken", "deprecatedExpiresIn", "deprecatedRefreshToken",
        "deprecatedRefreshTokenExpiresIn"})
public record CustomerTokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("saas_token") String saasToken,
        @JsonbProperty("expires_in") long expiresIn,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("refresh_token_expires_in") long refreshTokenExpiresIn,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("session_id") String sessionId,
        @JsonbProperty("initialPassword") String initialPassword,
        @JsonbProperty("accessToken") String deprecatedAccessToken,
        @JsonbProperty("saasToken") String deprecatedSaasToken,
        @JsonbProperty("expiresIn") long deprecatedExpiresIn,
        @JsonbProperty("refreshToken") String deprecatedRefreshToken,
        @JsonbProperty("refreshTokenExpiresIn") long deprecatedRefreshTokenExpiresIn) {

    public static CustomerTokenResponse login(IssuedTokens tokens) {
        return of(tokens, tokens.saasToken(), String.valueOf(tokens.initialPassword()));
    }

    public static CustomerTokenResponse refresh(IssuedTokens tokens) {
        return of(tokens, null, null);
    }

    private static CustomerTokenResponse of(IssuedTokens tokens, String saasToken, String initialPassword) {
        return new CustomerTokenResponse(tokens.accessToken(), saasToken, tokens.expiresIn(), tokens.refreshToken(),
                tokens.refreshTokenExpiresIn(), "Bearer", tokens.sessionId(), initialPassword,
                tokens.accessToken(), saasToken, tokens.expiresIn(), tokens.refreshToken(), tokens.refreshTokenExpiresIn());
    }
}
