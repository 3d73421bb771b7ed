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
import org.opencommerce.customer.credentials.control.Passwords;
import org.opencommerce.customer.platform.web.CurrentCaller;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;

/** {@code /customer/{tenant}/password/...}: password reset by mail and password change. */
@Path("/customer/{tenant}/password")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class PasswordResource {

    /** Declared for the OpenAPI document; AccessTokenFilter checks it against the token. */
    @PathParam("tenant")
    String tenant;

    @Inject
    Passwords passwords;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("reset")
    @RolesAllowed({Roles.ANONYMOUS, Roles.CUSTOMER})
    @Operation(operationId = "POST-customer-request-reset-password", summary = "Sending a request to reset a customer password")
    public void requestReset(@NotNull @Valid CredentialRequests.PasswordResetRequest request) {
        passwords.requestReset(caller.get(), request.email);
    }

    @POST
    @Path("reset/update")
    @RolesAllowed({Roles.ANONYMOUS, Roles.CUSTOMER})
    @Operation(operationId = "POST-customer-reset-password", summary = "Resetting a customer password")
    public void reset(@NotNull @Valid CredentialRequests.PasswordUpdate request) {
        passwords.reset(caller.get(), request.token, new Password(request.password));
    }

    @POST
    @Path("change")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(operationId = "POST-customer-change-account-password", summary = "Changing a customer password")
    public void change(@NotNull @Valid CredentialRequests.PasswordChange request) {
        passwords.change(caller.customer(), new Password(request.currentPassword), new Password(request.newPassword));
    }
}
