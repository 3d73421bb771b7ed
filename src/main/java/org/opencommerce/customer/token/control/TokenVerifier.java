package org.opencommerce.customer.token.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.opencommerce.customer.platform.ApiException;

import java.security.Key;
import java.util.List;

/**
 * The service's own checks of its access tokens, beside the server's MicroProfile JWT realm (which verifies every
 * bearer token first): it verifies a token that arrives as a parameter rather than in the Authorization header
 * (logout's {@code accessToken}, the deprecated {@code anonymous_token}, the refresh's expired access token), tells
 * an expired token from an invalid one when the realm has refused it (the fault's text), and refuses the tokens of a
 * retired signing key at once, even while a realm still caches that key.
 */
@ApplicationScoped
public class TokenVerifier {

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "JWT_ISSUER", defaultValue = "customer-service")
    String issuer;

    /** The verified claims of a valid, unexpired token; else 401. */
    public JwtClaims verify(String token) {
        try {
            return consumer().processToClaims(token);
        } catch (InvalidJwtException e) {
            throw e.hasExpired() ? ApiException.expiredToken() : ApiException.invalidToken();
        }
    }

    /** The verified claims of a well-signed token, expired or not; else 401. */
    public JwtClaims verifyIgnoringExpiry(String token) {
        try {
            return consumer().processToClaims(token);
        } catch (InvalidJwtException e) {
            if (e.hasExpired() && e.getErrorDetails().size() == 1) {
                return e.getJwtContext().getJwtClaims();
            }
            throw ApiException.invalidToken();
        }
    }

    /**
     * Why a request's {@code Authorization} header was refused: "Access Token expired" for an expired bearer token of
     * this service, "Invalid access token" for anything else (missing, malformed, forged, revoked).
     */
    public ApiException refusal(String authorization) {
        boolean expired = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && isExpired(authorization.substring(7).trim());
        return expired ? ApiException.expiredToken() : ApiException.invalidToken();
    }

    /**
     * True while the key that signed a token the server's realm accepted still verifies: the tokens of a retired key
     * are refused at once, even by a realm that still caches the key.
     */
    public boolean signedByLiveKey(String rawToken) {
        try {
            String kid = JsonWebStructure.fromCompactSerialization(rawToken).getKeyIdHeaderValue();
            return keys.verifying(kid).isPresent();
        } catch (JoseException e) {
            return false;
        }
    }

    /** True when the token is correctly signed by this service but expired. */
    private boolean isExpired(String token) {
        try {
            consumer().processToClaims(token);
            return false;
        } catch (InvalidJwtException e) {
            return e.hasExpired() && e.getErrorDetails().size() == 1;
        }
    }

    public static String stringClaim(JwtClaims claims, String name) {
        try {
            return claims.getStringClaimValue(name);
        } catch (MalformedClaimException e) {
            throw ApiException.invalidToken();
        }
    }

    /** The public key the token's header names, while it verifies (not retired). */
    private Key verificationKey(JsonWebSignature jws, List<JsonWebStructure> nesting) throws UnresolvableKeyException {
        return keys.verifying(jws.getKeyIdHeaderValue()).map(KeySet.Key::publicKey)
                .orElseThrow(() -> new UnresolvableKeyException("Unknown or retired signing key"));
    }

    private JwtConsumer consumer() {
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(issuer)
                .setExpectedAudience(issuer)
                .setVerificationKeyResolver(this::verificationKey)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }
}
