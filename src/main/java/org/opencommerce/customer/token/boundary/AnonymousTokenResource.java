package org.opencommerce.customer.token.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.token.control.AnonymousLogins;

/** {@code /customerlogin/auth/anonymous/...}: anonymous tokens for a storefront's shoppers. */
@Path("/customerlogin/auth/anonymous")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class AnonymousTokenResource {

    @Inject
    AnonymousLogins logins;

    @GET
    @Path("login")
    @Operation(operationId = "GET-oauth-generate-anonymous-access-token", summary = "Requesting an anonymous token")
    public AnonymousTokenResponse login(@QueryParam("tenant") @NotBlank String tenant,
                                        @QueryParam("client_id") @NotBlank String clientId) {
        return AnonymousTokenResponse.of(logins.login(tenant, clientId));
    }

    @GET
    @Path("refresh")
    @Operation(operationId = "GET-oauth-refresh-anonymous-access-token", summary = "Refreshing an anonymous token")
    public AnonymousTokenResponse refresh(@QueryParam("tenant") @NotBlank String tenant,
                                          @QueryParam("client_id") @NotBlank String clientId,
                                          @QueryParam("refresh_token") String refreshToken,
                                          @QueryParam("anonymous_token") String anonymousToken) {
        if (refreshToken != null && !refreshToken.isBlank()) {
            return AnonymousTokenResponse.of(logins.refresh(tenant, clientId, refreshToken));
        }
        if (anonymousToken != null && !anonymousToken.isBlank()) {
            return AnonymousTokenResponse.of(logins.refreshByAccessToken(tenant, clientId, anonymousToken));
        }
        throw ApiException.badRequest("Either refresh_token or anonymous_token is required.");
    }
}
