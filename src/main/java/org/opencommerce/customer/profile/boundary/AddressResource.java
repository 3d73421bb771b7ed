package org.opencommerce.customer.profile.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencommerce.customer.platform.web.CurrentCaller;
import org.opencommerce.customer.platform.web.MediaTypes;
import org.opencommerce.customer.platform.web.ResourceLocation;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.profile.control.AddressBook;
import org.opencommerce.customer.profile.control.AddressUpdate;
import org.opencommerce.customer.profile.control.CustomerKey;

import java.util.List;

/** {@code /customer/{tenant}/me/addresses}: the customer's address book. */
@Path("/customer/{tenant}/me/addresses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class AddressResource {

    /** Declared for the OpenAPI document; AccessTokenFilter checks it against the token. */
    @PathParam("tenant")
    String tenant;

    @Inject
    AddressBook addressBook;

    @Inject
    CurrentCaller caller;

    private CustomerKey own() {
        return CustomerKey.of(caller.customer());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "POST-customer-add-address", summary = "Adding a customer address")
    public Response add(@NotNull @Valid AddressUpdate address) {
        return Response.status(Response.Status.CREATED)
                .entity(new ResourceLocation(addressBook.add(own(), address).getId()))
                .build();
    }

    @GET
    @Operation(operationId = "GET-customer-list-customer-addresses", summary = "Retrieving customer addresses")
    public List<AddressResponse> list() {
        return addressBook.read(own()).stream().map(AddressResponse::of).toList();
    }

    @GET
    @Path("{addressId}")
    @Operation(operationId = "GET-customer-retrieve-address-by-id", summary = "Retrieving a customer address")
    public AddressResponse get(@PathParam("addressId") String addressId) {
        return AddressResponse.of(addressBook.get(own(), addressId));
    }

    @PATCH
    @Path("{addressId}")
    @Consumes({MediaType.APPLICATION_JSON, MediaTypes.MERGE_PATCH_JSON})
    @Operation(operationId = "PATCH-customer-update-customer-address", summary = "Updating a customer address")
    public AddressResponse update(@PathParam("addressId") String addressId, JsonValue patch) {
        return AddressResponse.of(addressBook.update(own(), addressId, patch));
    }

    /** A compatibility alias: storefront SDKs send PUT with a partial address; it means exactly the PATCH above. */
    @PUT
    @Path("{addressId}")
    @Consumes({MediaType.APPLICATION_JSON, MediaTypes.MERGE_PATCH_JSON})
    @Operation(operationId = "PUT-customer-update-customer-address", summary = "Updating a customer address (alias of PATCH)")
    public AddressResponse updateByPut(@PathParam("addressId") String addressId, JsonValue patch) {
        return update(addressId, patch);
    }

    @DELETE
    @Path("{addressId}")
    @Operation(operationId = "DELETE-customer-remove-customer-address-by-id", summary = "Deleting a customer address")
    public void delete(@PathParam("addressId") String addressId) {
        addressBook.delete(own(), addressId);
    }

    @POST
    @Path("{addressId}/tags")
    @Operation(operationId = "POST-customer-add-address-tags", summary = "Adding tags to a customer address")
    public void addTags(@PathParam("addressId") String addressId, @QueryParam("tags") String tags) {
        addressBook.addTags(own(), addressId, tags);
    }

    @DELETE
    @Path("{addressId}/tags")
    @Operation(operationId = "DELETE-customer-remove-address-tags", summary = "Deleting tags from a customer address")
    public void removeTags(@PathParam("addressId") String addressId, @QueryParam("tags") String tags) {
        addressBook.removeTags(own(), addressId, tags);
    }
}
