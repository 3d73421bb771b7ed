package org.opencommerce.customer.signup.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencommerce.customer.platform.web.CurrentCaller;
import org.opencommerce.customer.platform.web.NoStore;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.signup.control.OptIns;
import org.opencommerce.customer.token.boundary.CustomerTokenResponse;

/** {@code /customer/{tenant}/signup/optin/...}: double opt-in confirmation and a new activation link. */
@Path("/customer/{tenant}/signup/optin")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class OptInResource {

    /** Declared for the OpenAPI document; AccessTokenFilter checks it against the token. */
    @PathParam("tenant")
    String tenant;

    @Inject
    OptIns optIns;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("{token}")
    @RolesAllowed({Roles.ANONYMOUS, Roles.CUSTOMER})
    @Operation(operationId = "GET-customer-signup-customer-optin", summary = "Creating a customer account with double opt-in")
    @NoStore
    public CustomerTokenResponse confirm(@PathParam("token") String token) {
        return CustomerTokenResponse.login(optIns.confirm(caller.get(), token));
    }

    @POST
    @Path("refresh_token")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANONYMOUS, Roles.CUSTOMER})
    @Operation(operationId = "POST-customer-refresh-token", summary = "Resending an account activation link to a customer")
    public Response resend(@NotNull @Valid ResendRequest request) {
        optIns.resend(caller.get(), request.email);
        return Response.accepted().build();
    }

    /** The spec's {@code RefreshToken} body. */
    public static class ResendRequest {
        @NotBlank
        @Size(max = 254)
        public String email;
    }
}
