package org.opencommerce.customer.signup.boundary;

import org.opencommerce.customer.verification.entity.Password;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencommerce.customer.platform.web.CurrentCaller;
import org.opencommerce.customer.platform.web.ResourceLocation;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.signup.control.LoginClaims;
import org.opencommerce.customer.token.control.PasswordAuthentication;

/**
 * {@code /customer/{tenant}/me/accounts/internal}: another email-and-password login for the same profile. The new
 * login works once its address confirmed it (the activation link of double opt-in).
 */
@Path("/customer/{tenant}/me/accounts/internal")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class LoginClaimResource {

    /** Declared for the OpenAPI document; AccessTokenFilter checks it against the token. */
    @PathParam("tenant")
    String tenant;

    @Inject
    LoginClaims claims;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(operationId = "POST-customer-assign-customer-account", summary = "Assigning an account to a customer profile")
    public Response add(@NotNull @Valid PasswordAuthentication login) {
        return Response.status(Response.Status.CREATED)
                .entity(new ResourceLocation(claims.claim(caller.customer(), login.email, new Password(login.password))))
                .build();
    }
}
