package org.opencommerce.customer.token.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.RateLimits;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;
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
        TenantSnapshot tenant = tenants.requireClient(tenantName, clientId);
        Grant grant = grants.open(tenant.name(), Grant.Kind.ANONYMOUS, null, null, UUID.randomUUID().toString(), null);
        return tokens(tenant, grant, true);
    }

    /** A new token pair for the same session; the refresh token is used up. */
    public IssuedTokens refresh(String tenantName, String clientId, String refreshToken) {
        TenantSnapshot tenant = tenants.requireClient(tenantName, clientId);
        Grant grant = grants.redeem(tenant.name(), Grant.Kind.ANONYMOUS, refreshToken,
                tenant.refreshReuseIntervalSeconds());
        return tokens(tenant, grant, true);
    }

    /**
     * The deprecated refresh by the anonymous access token itself: accepted, even expired, while it is no older than
     * the refresh-token lifetime and its session was not revoked. Answers an access token only.
     */
    public IssuedTokens refreshByAccessToken(String tenantName, String clientId, String anonymousToken) {
        TenantSnapshot tenant = tenants.requireClient(tenantName, clientId);
        JwtClaims claims = verifier.verifyIgnoringExpiry(anonymousToken);
        Grant grant = grants.find(TokenVerifier.stringClaim(claims, TokenClaims.GRANT));
        if (grant == null || grant.isRevoked() || grant.getKind() != Grant.Kind.ANONYMOUS
                || !grant.getTenant().equals(tenant.name()) || !isGroup(claims, Roles.ANONYMOUS)
                || issuedBefore(claims, clock.instant().minusSeconds(tenant.refreshTokenTtlSeconds()))) {
            throw ApiException.invalidToken();
        }
        return tokens(tenant, grant, false);
    }

    private IssuedTokens tokens(TenantSnapshot tenant, Grant grant, boolean withRefreshToken) {
        Instant now = clock.instant();
        String scope = Scopes.anonymous(tenant.name());
        String access = issuer.accessToken(grant, scope, now, tenant.anonymousTokenTtlSeconds());
        String refresh = withRefreshToken ? grants.newRefreshToken(grant, tenant.refreshTokenTtlSeconds(),
                tenant.anonymousTokenTtlSeconds()) : null;
        return new IssuedTokens(access, tenant.anonymousTokenTtlSeconds(), refresh,
                withRefreshToken ? tenant.refreshTokenTtlSeconds() : 0, grant.getSessionId(), scope, null, false);
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
