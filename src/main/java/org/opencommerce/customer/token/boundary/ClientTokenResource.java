package org.opencommerce.customer.token.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencommerce.customer.platform.web.BasicCredentials;
import org.opencommerce.customer.platform.web.NoStore;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.token.control.ClientTokens;

/**
 * {@code POST /oauth/token}: OAuth2 client credentials for the operator and for back-office clients. The client
 * authenticates with HTTP Basic (RFC 6749 §2.3.1) or, where it cannot, with client_id and client_secret in the form.
 */
@Path("/oauth/token")
@PermitAll
@Tag(name = "Client tokens", description = "OAuth2 client credentials for operators and back-office clients")
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class ClientTokenResource {

    @Inject
    ClientTokens tokens;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "client-credentials-token", summary = "Obtaining a client token")
    @NoStore
    public ClientTokenResponse token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     @FormParam("grant_type") String grantType, @FormParam("scope") String scope,
                                     @FormParam("client_id") String clientId,
                                     @FormParam("client_secret") String clientSecret) {
        BasicCredentials credentials = BasicCredentials.of(authorization)
                .orElseGet(() -> new BasicCredentials(clientId, clientSecret));
        return ClientTokenResponse.of(tokens.issue(grantType, credentials.id(), credentials.secret(), scope));
    }
}
