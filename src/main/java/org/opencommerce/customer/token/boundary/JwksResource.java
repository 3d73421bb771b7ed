package org.opencommerce.customer.token.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.token.control.SigningKeys;

/**
 * {@code GET /.well-known/jwks.json}: the public keys that verify the service's tokens (access, SaaS and client
 * tokens), keys published ahead of their first use included. Every node answers the same set.
 */
@Path("/.well-known/jwks.json")
@PermitAll
@Tag(name = "Client tokens")
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class JwksResource {

    private static final int MAX_AGE_SECONDS = 60;

    @Inject
    SigningKeys keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "jwks", summary = "The token verification keys (JWKS)")
    public Response keySet() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(keys.jwks()).cacheControl(cache).build();
    }
}
