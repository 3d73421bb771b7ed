package org.opencommerce.customer.platform;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic for the admin API, checked by the server's own security: the credentials are handed to
 * {@link HttpServletRequest#login} (the server's user registry: ADMIN_USER / ADMIN_PASSWORD in server.xml), and the
 * user must be in the role {@value #ROLE}. 401 without valid credentials, 403 for a user who is not an admin.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {

    public static final String ROLE = "admin";
    private static final String CHALLENGE = "Basic realm=\"customer-service admin\", charset=\"UTF-8\"";

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String[] credentials = basicCredentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials == null) {
            request.abortWith(challenge());
            return;
        }
        try {
            servletRequest.login(credentials[0], credentials[1]);
        } catch (ServletException e) {
            request.abortWith(challenge());
            return;
        }
        if (!servletRequest.isUserInRole(ROLE)) {
            request.abortWith(ErrorMapper.errorResponse(ApiException.forbidden()));
        }
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 1 ? null : new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response challenge() {
        return Response.fromResponse(ErrorMapper.errorResponse(ApiException.adminCredentialsRequired()))
                .header(HttpHeaders.WWW_AUTHENTICATE, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }
}
