package org.opencommerce.customer.social.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.opencommerce.customer.social.control.SocialLogins;
import org.opencommerce.customer.token.control.IssuedTokens;

/**
 * The socialLogin answer; {@code expires_in} and {@code refresh_token_expires_in} are strings, as the spec types them.
 * {@code session_id} is an extension (login answers it; the spec's social login schema does not list it).
 */
@JsonbPropertyOrder({"accessToken", "saasToken", "tokenType", "expiresIn", "refreshToken", "refreshTokenExpiresIn",
        "scope", "sessionId", "sessionIdleTime", "socialAccessToken", "socialIdToken"})
public record SocialLoginResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("saas_token") String saasToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") String expiresIn,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("refresh_token_expires_in") String refreshTokenExpiresIn,
        @JsonbProperty("scope") String scope,
        @JsonbProperty("session_id") String sessionId,
        @JsonbProperty("session_idle_time") int sessionIdleTime,
        @JsonbProperty("social_access_token") String socialAccessToken,
        @JsonbProperty("social_id_token") String socialIdToken) {

    static final int SESSION_IDLE_TIME = 3600;

    static SocialLoginResponse of(SocialLogins.SocialTokens social) {
        IssuedTokens t = social.tokens();
        return new SocialLoginResponse(t.accessToken(), t.saasToken(), "Bearer", String.valueOf(t.expiresIn()),
                t.refreshToken(), String.valueOf(t.refreshTokenExpiresIn()), t.scope(), t.sessionId(), SESSION_IDLE_TIME,
                social.socialAccessToken(), social.socialIdToken());
    }
}
