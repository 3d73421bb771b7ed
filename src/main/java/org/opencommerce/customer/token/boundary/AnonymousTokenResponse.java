package org.opencommerce.customer.token.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.opencommerce.customer.token.control.IssuedTokens;

/** The spec's {@code AnonymousAccessToken}. */
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "refreshToken", "refreshTokenExpiresIn", "sessionId", "scope"})
public record AnonymousTokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("refresh_token_expires_in") Long refreshTokenExpiresIn,
        @JsonbProperty("sessionId") String sessionId,
        @JsonbProperty("scope") String scope) {

    static AnonymousTokenResponse of(IssuedTokens tokens) {
        return new AnonymousTokenResponse(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken(),
                tokens.refreshToken() == null ? null : tokens.refreshTokenExpiresIn(), tokens.sessionId(), tokens.scope());
    }
}
