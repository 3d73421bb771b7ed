package org.opencommerce.customer.token.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.ErrorResponses;
import org.opencommerce.customer.token.control.TokenVerifier;

/**
 * The container refuses a protected operation whose caller it could not authenticate with a bare 401 (its role check
 * asks for authentication and aborts the request): that answer gets the spec's fault body, as every other 401 has —
 * "Access Token expired" for an expired token of this service, "Invalid access token" for anything else.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR + 1)
public class ContainerRefusals implements ContainerResponseFilter {

    @Inject
    TokenVerifier verifier;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 401 && !response.hasEntity()) {
            ApiException refusal = verifier.refusal(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            response.setEntity(ErrorResponses.body(refusal), null, MediaType.APPLICATION_JSON_TYPE);
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, refusal.challenge());
        }
    }
}
