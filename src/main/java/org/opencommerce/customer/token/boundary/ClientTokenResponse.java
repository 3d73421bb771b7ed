package org.opencommerce.customer.token.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.opencommerce.customer.token.control.ClientTokens;

/** The RFC 6749 §5.1 answer of a client-credentials request (no refresh token). */
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "scope"})
public record ClientTokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn,
        @JsonbProperty("scope") String scope) {

    static ClientTokenResponse of(ClientTokens.ClientToken token) {
        return new ClientTokenResponse(token.accessToken(), "Bearer", token.expiresIn(), token.scope());
    }
}
