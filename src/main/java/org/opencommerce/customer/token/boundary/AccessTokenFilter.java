package org.opencommerce.customer.token.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.web.CurrentCaller;
import org.opencommerce.customer.platform.web.RefusedAs401;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.platform.TenantNames;
import org.opencommerce.customer.token.control.GrantState;
import org.opencommerce.customer.token.control.RevocationChecks;
import org.opencommerce.customer.token.control.TokenClaims;
import org.opencommerce.customer.token.control.TokenVerifier;

import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Instant;

/**
 * What the platform cannot know about a token it has verified: that it belongs to the path's tenant and is not
 * revoked (its grant, or its client, still exists; its signing key is not retired). Roles are checked by the
 * container ({@code @RolesAllowed}); {@code ErrorMapper} gives its refusals the spec's bodies. Failures here are 401
 * faults (400 for a malformed tenant).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessTokenFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    RevocationChecks revocations;

    @Inject
    TokenVerifier verifier;

    @Override
    public void filter(ContainerRequestContext request) {
        String pathTenant = request.getUriInfo().getPathParameters().getFirst("tenant");
        if (pathTenant != null && !TenantNames.isValid(pathTenant)) {
            Method method = resource.getResourceMethod();
            throw method != null && method.isAnnotationPresent(RefusedAs401.class)
                    ? ApiException.invalidToken() : ApiException.invalidTenant();
        }
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof JsonWebToken token)) {
            return;
        }
        if (!verifier.signedByLiveKey(token.getRawToken())) {
            throw ApiException.invalidToken();
        }
        String tenant = token.getClaim(TokenClaims.TENANT);
        boolean otherTenant = pathTenant != null && tenant != null && !pathTenant.equals(tenant);
        String clientId = token.getClaim(TokenClaims.CLIENT);
        if (clientId != null) {
            if (otherTenant || !revocations.clientActive(clientId)) {
                throw ApiException.invalidToken();
            }
            return;
        }
        GrantState grant = tenant == null || otherTenant ? null : revocations.activeGrant(token.getClaim(TokenClaims.GRANT));
        if (grant == null || !tenant.equals(grant.tenant())) {
            throw ApiException.invalidToken();
        }
        currentCaller.set(callerOf(token, grant));
    }

    /** The caller of a verified token: its customer is the one its live grant holds (by internal id). */
    private static Caller callerOf(JsonWebToken token, GrantState grant) {
        boolean anonymous = token.getGroups().contains(Roles.ANONYMOUS);
        Long customerId = anonymous ? null : grant.customerId();
        if (!anonymous && customerId == null) {
            throw ApiException.invalidToken();
        }
        return new Caller(token.getClaim(TokenClaims.TENANT), anonymous, customerId,
                token.getClaim(TokenClaims.EMAIL), token.getClaim(TokenClaims.SESSION), token.getClaim(TokenClaims.GRANT),
                token.getTokenID(), token.getClaim(TokenClaims.SCOPE), token.getClaim(TokenClaims.LEGAL_ENTITY),
                Instant.ofEpochSecond(token.getExpirationTime()));
    }
}
