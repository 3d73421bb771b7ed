package org.opencommerce.customer.platform.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A client's id and secret from an HTTP Basic {@code Authorization} header, as OAuth2 clients send them to a token
 * endpoint (RFC 6749 §2.3.1: each part form-urlencoded, then Basic-encoded).
 */
public record BasicCredentials(String id, String secret) {

    private static final String SCHEME = "Basic ";

    /** The credentials of the header; empty when it is missing, of another scheme or not decodable. */
    public static Optional<BasicCredentials> of(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            return Optional.of(new BasicCredentials(formDecoded(decoded.substring(0, colon)),
                    formDecoded(decoded.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String formDecoded(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
