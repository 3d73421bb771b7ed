package org.opencommerce.customer.signup.boundary;

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
import org.opencommerce.customer.signup.control.CustomerSignup;
import org.opencommerce.customer.signup.control.Signups;

/** {@code /customer/{tenant}/signup}: creating a customer account. */
@Path("/customer/{tenant}/signup")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class SignupResource {

    /** Declared for the OpenAPI document; AccessTokenFilter checks it against the token. */
    @PathParam("tenant")
    String tenant;

    @Inject
    Signups signups;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANONYMOUS, Roles.CUSTOMER})
    @Operation(operationId = "POST-customer-create-customer-account", summary = "Creating a new customer")
    public Response signup(@NotNull @Valid CustomerSignup request) {
        return Response.status(Response.Status.CREATED)
                .entity(new ResourceLocation(signups.signup(caller.get(), request)))
                .build();
    }
}
