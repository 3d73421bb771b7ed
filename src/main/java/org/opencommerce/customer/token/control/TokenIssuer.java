package org.opencommerce.customer.token.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.platform.crypto.Secrets;
import org.opencommerce.customer.token.entity.Grant;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Signs the service's JWTs: access tokens (verified by the server's MicroProfile JWT realm) and SaaS tokens. */
@ApplicationScoped
public class TokenIssuer {

    static final String SAAS_AUDIENCE = "saas";

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "JWT_ISSUER", defaultValue = "customer-service")
    String issuer;

    /** An access token of the grant, valid for ttlSeconds from now. */
    public String accessToken(Grant grant, String scope, Instant now, long ttlSeconds) {
        boolean anonymous = grant.getKind() == Grant.Kind.ANONYMOUS;
        JwtClaims claims = baseClaims(grant, now, ttlSeconds);
        claims.setAudience(issuer);
        claims.setClaim("upn", anonymous ? "anonymous:" + grant.getSessionId() : grant.getEmail());
        claims.setStringListClaim("groups", List.of(anonymous ? Roles.ANONYMOUS : Roles.CUSTOMER));
        claims.setClaim(TokenClaims.GRANT, grant.getId());
        claims.setClaim(TokenClaims.SCOPE, scope);
        if (grant.getEmail() != null) {
            claims.setClaim(TokenClaims.EMAIL, grant.getEmail());
        }
        if (grant.getLegalEntityId() != null) {
            claims.setClaim(TokenClaims.LEGAL_ENTITY, grant.getLegalEntityId());
        }
        return sign(claims);
    }

    /** A client token: its scopes are also its groups (roles); a tenant's client carries its tenant. */
    public String clientToken(ClientIdentity client, Set<String> scopes, Instant now, long ttlSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(issuer);
        claims.setSubject(client.clientId());
        claims.setClaim("upn", client.clientId());
        claims.setJwtId(Secrets.newId());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + ttlSeconds));
        claims.setStringListClaim("groups", List.copyOf(scopes));
        claims.setClaim(TokenClaims.CLIENT, client.clientId());
        claims.setClaim(TokenClaims.SCOPE, String.join(" ", scopes));
        if (client.tenant() != null) {
            claims.setClaim(TokenClaims.TENANT, client.tenant());
        }
        return sign(claims);
    }

    /** The token a checkout would use: it names the customer but is refused by this service's own endpoints. */
    public String saasToken(Grant grant, Instant now, long ttlSeconds) {
        JwtClaims claims = baseClaims(grant, now, ttlSeconds);
        claims.setAudience(SAAS_AUDIENCE);
        return sign(claims);
    }

    private JwtClaims baseClaims(Grant grant, Instant now, long ttlSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(grant.getKind() == Grant.Kind.ANONYMOUS ? grant.getSessionId() : String.valueOf(grant.getCustomerNumber()));
        claims.setJwtId(Secrets.newId());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + ttlSeconds));
        claims.setClaim(TokenClaims.TENANT, grant.getTenant());
        claims.setClaim(TokenClaims.SESSION, grant.getSessionId());
        return claims;
    }

    /** Signs with the key that signs now, names it in the header (kid), and notes the expiry for its retirement. */
    private String sign(JwtClaims claims) {
        KeySet.Key key = keys.signing();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.privateKey());
        jws.setKeyIdHeaderValue(key.kid());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            String token = jws.getCompactSerialization();
            keys.signed(key.kid(), Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
            return token;
        } catch (JoseException | MalformedClaimException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
