package org.opencommerce.customer.profile.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.web.CurrentCaller;
import org.opencommerce.customer.platform.web.MediaTypes;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.profile.control.Deletions;
import org.opencommerce.customer.profile.control.Profiles;

import java.util.Arrays;

/** {@code /customer/{tenant}/me}: the caller's own profile. */
@Path("/customer/{tenant}/me")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class MeResource {

    /** Declared for the OpenAPI document; AccessTokenFilter checks it against the token. */
    @PathParam("tenant")
    String tenant;

    @Inject
    Profiles profiles;

    @Inject
    Deletions deletions;

    @Inject
    CurrentCaller caller;

    /** {@code expand=addresses} embeds the address list; mixins are always answered in full ({@code mixin:*}). */
    @GET
    @RolesAllowed({Roles.ANONYMOUS, Roles.CUSTOMER})
    @Operation(operationId = "GET-customer-retrieve-customer-profile", summary = "Retrieving a customer profile")
    public CustomerResponse me(@QueryParam("expand") String expand) {
        Caller current = caller.get();
        if (current.anonymous()) {
            return CustomerResponse.anonymous();
        }
        boolean withAddresses = expand != null && Arrays.stream(expand.split(",")).map(String::trim).anyMatch("addresses"::equals);
        return CustomerResponse.of(profiles.read(current, withAddresses));
    }

    /** Without a token: 202 and a confirmation link by mail. With the mailed token: the profile is deleted, 204. */
    @DELETE
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(operationId = "DELETE-customer-remove-customer-profile", summary = "Deleting a customer profile")
    public Response delete(@QueryParam("token") String token) {
        if (token == null || token.isBlank()) {
            deletions.request(caller.customer());
            return Response.accepted().build();
        }
        deletions.delete(caller.customer(), token);
        return Response.noContent().build();
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MediaTypes.MERGE_PATCH_JSON})
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(operationId = "PATCH-customer-update-customer", summary = "Updating a customer profile")
    public CustomerResponse update(JsonValue patch) {
        return CustomerResponse.of(profiles.update(caller.customer(), patch));
    }

    /** A compatibility alias: storefront SDKs send PUT with a partial profile; it means exactly the PATCH above. */
    @PUT
    @Consumes({MediaType.APPLICATION_JSON, MediaTypes.MERGE_PATCH_JSON})
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(operationId = "PUT-customer-update-customer", summary = "Updating a customer profile (alias of PATCH)")
    public CustomerResponse updateByPut(JsonValue patch) {
        return update(patch);
    }
}
