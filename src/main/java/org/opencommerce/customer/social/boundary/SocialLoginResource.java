package org.opencommerce.customer.social.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencommerce.customer.platform.web.CurrentCaller;
import org.opencommerce.customer.platform.web.NoStore;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.social.control.SocialLogins;

/** {@code /customer/{tenant}/socialLogin}: login with the tenant's OpenID Connect provider. */
@Path("/customer/{tenant}/socialLogin")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class SocialLoginResource {

    /** Declared for the OpenAPI document; AccessTokenFilter checks it against the token. */
    @PathParam("tenant")
    String tenant;

    @Inject
    SocialLogins socialLogins;

    @Inject
    CurrentCaller caller;

    /**
     * The spec's optional {@code session-id} header names the anonymous session to keep; that is always the session of
     * the caller's own token, so the header adds nothing and is not read (docs/decisions.md, "Social login").
     */
    @POST
    @RolesAllowed({Roles.ANONYMOUS, Roles.CUSTOMER})
    @Operation(operationId = "POST-customer-login-customer-by-auth0", summary = "Logging in a customer with social login")
    @NoStore
    public SocialLoginResponse login(@QueryParam("code") String code, @QueryParam("redirect_uri") String redirectUri,
                                     @QueryParam("code_verifier") String codeVerifier) {
        return SocialLoginResponse.of(socialLogins.login(caller.get(), code, redirectUri, codeVerifier));
    }
}
