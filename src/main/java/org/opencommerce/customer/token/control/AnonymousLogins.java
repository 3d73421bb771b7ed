package org.opencommerce.customer.token.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.RateLimits;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.Tenant;
import org.opencommerce.customer.token.entity.Grant;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Anonymous sessions of a storefront: the first token a shopper gets, and its refresh. */
@Stateless
public class AnonymousLogins {

    @Inject
    Tenants tenants;

    @Inject
    Grants grants;

    @Inject
    TokenIssuer issuer;

    @Inject
    TokenVerifier verifier;

    @Inject
    Clock clock;

    @Inject
    RateLimits rateLimits;

    @Inject
    @ConfigProperty(name = "RATE_LIMIT_ANONYMOUS_PER_MINUTE", defaultValue = "300")
    int perMinute;

    /** A new anonymous session; each writes rows, so at most RATE_LIMIT_ANONYMOUS_PER_MINUTE per client address. */
    public IssuedTokens login(String tenantName, String clientId) {
        rateLimits.require("anonymous-login", perMinute);
        Tenant tenant = tenants.requireClient(tenantName, clientId);
        Grant grant = grants.open(tenant.getName(), Grant.Kind.ANONYMOUS, null, null, UUID.randomUUID().toString(), null);
        return tokens(tenant, grant, true);
    }

    /** A new token pair for the same session; the refresh token is used up. */
    public IssuedTokens refresh(String tenantName, String clientId, String refreshToken) {
        Tenant tenant = tenants.requireClient(tenantName, clientId);
        Grant grant = grants.redeem(tenant.getName(), Grant.Kind.ANONYMOUS, refreshToken,
                tenant.getRefreshReuseIntervalSeconds());
        return tokens(tenant, grant, true);
    }

    /**
     * The deprecated refresh by the anonymous access token itself: accepted, even expired, while it is no older than
     * the refresh-token lifetime and its session was not revoked. Answers an access token only.
     */
    public IssuedTokens refreshByAccessToken(String tenantName, String clientId, String anonymousToken) {
        Tenant tenant = tenants.requireClient(tenantName, clientId);
        JwtClaims claims = verifier.verifyIgnoringExpiry(anonymousToken);
        Grant grant = grants.find(TokenVerifier.stringClaim(claims, TokenClaims.GRANT));
        if (grant == null || grant.isRevoked() || grant.getKind() != Grant.Kind.ANONYMOUS
                || !grant.getTenant().equals(tenant.getName()) || !isGroup(claims, Roles.ANONYMOUS)
                || issuedBefore(claims, clock.instant().minusSeconds(tenant.getRefreshTokenTtlSeconds()))) {
            throw ApiException.invalidToken();
        }
        return tokens(tenant, grant, false);
    }

    private IssuedTokens tokens(Tenant tenant, Grant grant, boolean withRefreshToken) {
        Instant now = clock.instant();
        String scope = Scopes.anonymous(tenant.getName());
        String access = issuer.accessToken(grant, scope, now, tenant.getAnonymousTokenTtlSeconds());
        String refresh = withRefreshToken ? grants.newRefreshToken(grant, tenant.getRefreshTokenTtlSeconds(),
                tenant.getAnonymousTokenTtlSeconds()) : null;
        return new IssuedTokens(access, tenant.getAnonymousTokenTtlSeconds(), refresh,
                withRefreshToken ? tenant.getRefreshTokenTtlSeconds() : 0, grant.getSessionId(), scope, null, false);
    }

    private static boolean isGroup(JwtClaims claims, String group) {
        try {
            return claims.getStringListClaimValue("groups").contains(group);
        } catch (MalformedClaimException e) {
            return false;
        }
    }

    private static boolean issuedBefore(JwtClaims claims, Instant limit) {
        try {
            return claims.getIssuedAt() == null || claims.getIssuedAt().getValue() < limit.getEpochSecond();
        } catch (MalformedClaimException e) {
            return true;
        }
    }
}
