package org.opencommerce.customer.profile.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.CurrentCaller;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.profile.control.Profiles;

/** {@code /customer/{tenant}/me}: the caller's own profile. */
@Path("/customer/{tenant}/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** Declared for the OpenAPI document; AccessTokenFilter checks it against the token. */
    @PathParam("tenant")
    String tenant;

    @Inject
    Profiles profiles;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({Roles.ANONYMOUS, Roles.CUSTOMER})
    @Operation(operationId = "GET-customer-retrieve-customer-profile", summary = "Retrieving a customer profile")
    public CustomerResponse me() {
        Caller current = caller.get();
        return current.anonymous() ? CustomerResponse.anonymous() : CustomerResponse.of(profiles.own(current));
    }
}
