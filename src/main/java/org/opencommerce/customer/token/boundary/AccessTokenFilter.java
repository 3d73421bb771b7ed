package org.opencommerce.customer.token.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.CurrentCaller;
import org.opencommerce.customer.platform.ErrorMapper;
import org.opencommerce.customer.platform.RefusedAs401;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.platform.TenantNames;
import org.opencommerce.customer.token.control.Grants;
import org.opencommerce.customer.token.control.TokenClaims;
import org.opencommerce.customer.token.control.TokenVerifier;

import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * The one place that decides whether a request may go on: the path's tenant is well-formed, the token verified by the
 * server's MicroProfile JWT realm belongs to that tenant and its grant is not revoked, and its role is one the
 * resource method allows ({@link RolesAllowed}). Failures get the spec's bodies: 401 fault, 403 ErrorMessage.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessTokenFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Grants grants;

    @Inject
    TokenVerifier verifier;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            check(request);
        } catch (ApiException e) {
            Method method = resource.getResourceMethod();
            boolean only401 = method != null && method.isAnnotationPresent(RefusedAs401.class) && e.status() != 401;
            request.abortWith(ErrorMapper.errorResponse(only401 ? ApiException.invalidToken() : e));
        }
    }

    private void check(ContainerRequestContext request) {
        String pathTenant = request.getUriInfo().getPathParameters().getFirst("tenant");
        if (pathTenant != null) {
            TenantNames.require(pathTenant);
        }
        Set<String> allowed = allowedRoles(resource.getResourceMethod());
        if (allowed == null) {
            return;
        }
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof JsonWebToken token)) {
            throw verifier.refusal(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        }
        Caller caller = callerOf(token);
        if (caller.tenant() == null || (pathTenant != null && !pathTenant.equals(caller.tenant()))
                || !grants.isActive(caller.grantId())) {
            throw ApiException.invalidToken();
        }
        if (!allowed.contains(caller.anonymous() ? Roles.ANONYMOUS : Roles.CUSTOMER)) {
            throw ApiException.forbidden();
        }
        currentCaller.set(caller);
    }

    /** Roles allowed on the method (or its class); null for a public method. */
    private static Set<String> allowedRoles(Method method) {
        if (method == null) {
            return null;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        return roles == null ? null : Set.copyOf(Arrays.asList(roles.value()));
    }

    private static Caller callerOf(JsonWebToken token) {
        boolean anonymous = token.getGroups().contains(Roles.ANONYMOUS);
        Long customerId = null;
        if (!anonymous) {
            try {
                customerId = Long.valueOf(token.getSubject());
            } catch (NumberFormatException e) {
                throw ApiException.invalidToken();
            }
        }
        return new Caller(token.getClaim(TokenClaims.TENANT), anonymous, customerId,
                token.getClaim(TokenClaims.EMAIL), token.getClaim(TokenClaims.SESSION), token.getClaim(TokenClaims.GRANT),
                token.getTokenID(), token.getClaim(TokenClaims.SCOPE), token.getClaim(TokenClaims.LEGAL_ENTITY),
                Instant.ofEpochSecond(token.getExpirationTime()));
    }
}
