package org.opencommerce.customer.token.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.CurrentCaller;
import org.opencommerce.customer.platform.web.NoStore;
import org.opencommerce.customer.platform.web.RefusedAs401;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.verification.entity.Password;
import org.opencommerce.customer.token.control.LoginSessions;
import org.opencommerce.customer.token.control.PasswordLogin;
import org.opencommerce.customer.token.control.PasswordAuthentication;

import java.time.Clock;

/** {@code /customer/{tenant}/login|refreshauthtoken|validateauthtoken|logout}: customer tokens. */
@Path("/customer/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class CustomerTokenResource {

    /** Declared for the OpenAPI document; AccessTokenFilter checks it against the token. */
    @PathParam("tenant")
    String tenant;

    @Inject
    PasswordLogin passwordLogin;

    @Inject
    LoginSessions logins;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANONYMOUS, Roles.CUSTOMER})
    @Operation(operationId = "POST-customer-authenticate-customer", summary = "Logging in a customer")
    @NoStore
    public CustomerTokenResponse login(@NotNull @Valid PasswordAuthentication credentials) {
        return CustomerTokenResponse.login(passwordLogin.login(caller.get(), credentials.email, new Password(credentials.password)));
    }

    @GET
    @Path("refreshauthtoken")
    @RolesAllowed({Roles.ANONYMOUS, Roles.CUSTOMER})
    @Operation(operationId = "GET-customer-refresh-authtoken", summary = "Refreshing a customer token")
    @NoStore
    public CustomerTokenResponse refresh(@QueryParam("refreshToken") String refreshToken,
                                         @QueryParam("legalEntityId") String legalEntityId) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw ApiException.badRequest("The refreshToken query parameter is required.");
        }
        return CustomerTokenResponse.refresh(logins.refresh(caller.get(), refreshToken, legalEntityId));
    }

    @GET
    @Path("validateauthtoken")
    @RolesAllowed({Roles.ANONYMOUS, Roles.CUSTOMER})
    @Operation(operationId = "GET-customer-validate-token", summary = "Validate a token")
    @RefusedAs401
    public ValidateTokenResponse validate() {
        return ValidateTokenResponse.of(caller.get(), clock.instant());
    }

    @GET
    @Path("logout")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(operationId = "GET-customer-logout-customer", summary = "Logging out a customer")
    @RefusedAs401
    public void logout(@QueryParam("accessToken") String accessToken) {
        logins.logout(caller.customer(), accessToken);
    }
}
