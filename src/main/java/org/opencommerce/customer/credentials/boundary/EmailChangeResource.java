package org.opencommerce.customer.credentials.boundary;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencommerce.customer.credentials.control.EmailChanges;
import org.opencommerce.customer.platform.web.CurrentCaller;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;

/** {@code /customer/{tenant}/me/accounts/internal/email/change[/confirm]}: changing a login email. */
@Path("/customer/{tenant}/me/accounts/internal/email/change")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class EmailChangeResource {

    /** Declared for the OpenAPI document; AccessTokenFilter checks it against the token. */
    @PathParam("tenant")
    String tenant;

    @Inject
    EmailChanges emailChanges;

    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(operationId = "POST-customer-change-customer-login-email", summary = "Sending a request to update a customer email address")
    public void request(@NotNull @Valid CredentialRequests.ChangeEmailRequest request) {
        emailChanges.request(caller.customer(), request.email, new Password(request.password), request.newEmail, request.syncContactEmail);
    }

    @POST
    @Path("confirm")
    @RolesAllowed({Roles.ANONYMOUS, Roles.CUSTOMER})
    @Operation(operationId = "POST-customer-confirm-customer-login-email", summary = "Updating a customer email address")
    public void confirm(@NotNull @Valid CredentialRequests.UpdateEmail request) {
        emailChanges.confirm(caller.get(), request.token);
    }
}
