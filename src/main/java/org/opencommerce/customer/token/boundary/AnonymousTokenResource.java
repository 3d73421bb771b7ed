package org.opencommerce.customer.token.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.platform.web.NoStore;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.token.control.AnonymousLogins;

import java.util.ArrayList;
import java.util.List;

/** {@code /customerlogin/auth/anonymous/...}: anonymous tokens for a storefront's shoppers. */
@Path("/customerlogin/auth/anonymous")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class AnonymousTokenResource {

    @Inject
    AnonymousLogins logins;

    @GET
    @Path("login")
    @Operation(operationId = "GET-oauth-generate-anonymous-access-token", summary = "Requesting an anonymous token")
    @NoStore
    public AnonymousTokenResponse login(@QueryParam("tenant") String tenant, @QueryParam("hybris-tenant") String hybrisTenant,
                                        @QueryParam("client_id") String clientId) {
        return AnonymousTokenResponse.of(logins.login(required(tenant, hybrisTenant, clientId), clientId));
    }

    @GET
    @Path("refresh")
    @Operation(operationId = "GET-oauth-refresh-anonymous-access-token", summary = "Refreshing an anonymous token")
    @NoStore
    public AnonymousTokenResponse refresh(@QueryParam("tenant") String tenantParameter,
                                          @QueryParam("hybris-tenant") String hybrisTenant,
                                          @QueryParam("client_id") String clientId,
                                          @QueryParam("refresh_token") String refreshToken,
                                          @QueryParam("anonymous_token") String anonymousToken) {
        String tenant = required(tenantParameter, hybrisTenant, clientId);
        if (refreshToken != null && !refreshToken.isBlank()) {
            return AnonymousTokenResponse.of(logins.refresh(tenant, clientId, refreshToken));
        }
        if (anonymousToken != null && !anonymousToken.isBlank()) {
            return AnonymousTokenResponse.of(logins.refreshByAccessToken(tenant, clientId, anonymousToken));
        }
        throw ApiException.badRequest("Either refresh_token or anonymous_token is required.");
    }

    /**
     * The tenant: {@code tenant}, or {@code hybris-tenant}, which older storefronts send instead (a compatibility
     * alias). 400 naming every missing parameter when it or {@code client_id} is missing.
     */
    private static String required(String tenant, String hybrisTenant, String clientId) {
        String given = tenant != null && !tenant.isBlank() ? tenant : hybrisTenant;
        List<ErrorMessage.Detail> missing = new ArrayList<>();
        if (given == null || given.isBlank()) {
            missing.add(new ErrorMessage.Detail("tenant", "missing_value", "must not be blank"));
        }
        if (clientId == null || clientId.isBlank()) {
            missing.add(new ErrorMessage.Detail("client_id", "missing_value", "must not be blank"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.validation("The request is not valid.", missing);
        }
        return given;
    }
}
