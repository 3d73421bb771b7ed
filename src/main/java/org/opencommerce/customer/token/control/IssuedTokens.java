package org.opencommerce.customer.token.control;

/**
 * What a login or refresh hands out. refreshToken is null where none is issued (the deprecated anonymous refresh);
 * saasToken is null for anonymous tokens.
 */
public record IssuedTokens(String accessToken, long expiresIn, String refreshToken, long refreshTokenExpiresIn,
                           String sessionId, String scope, String saasToken, boolean initialPassword) {
}
