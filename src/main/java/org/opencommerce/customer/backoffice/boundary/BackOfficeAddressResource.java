package org.opencommerce.customer.backoffice.boundary;

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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencommerce.customer.platform.web.MediaTypes;
import org.opencommerce.customer.platform.web.OptionalBody;
import org.opencommerce.customer.platform.web.ResourceLocation;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.profile.boundary.AddressResponse;
import org.opencommerce.customer.profile.control.AddressBook;
import org.opencommerce.customer.profile.control.AddressUpdate;
import org.opencommerce.customer.profile.control.CustomerKey;
import org.opencommerce.customer.token.control.TokenClaims;

import java.util.List;

/** {@code /customer/{tenant}/customers/{customerNumber}/addresses}: any customer's address book, for the back office. */
@Path("/customer/{tenant}/customers/{customerNumber}/addresses")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class BackOfficeAddressResource {

    @PathParam("tenant")
    String tenant;

    @Inject
    JsonWebToken token;

    @PathParam("customerNumber")
    String customerNumber;

    @Inject
    AddressBook addressBook;

    private CustomerKey customer() {
        // the back-office client making the change, as the customer's events name it
        return CustomerKey.managed(tenant, CustomerKey.number(customerNumber), token.getClaim(TokenClaims.CLIENT));
    }

    @GET
    @RolesAllowed(Roles.CUSTOMER_READ)
    @Operation(operationId = "GET-customer-tenant-list-customer-addresses", summary = "Retrieving customer addresses")
    public List<AddressResponse> list() {
        return addressBook.read(customer()).stream().map(AddressResponse::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMER_MANAGE)
    @Operation(operationId = "POST-customer-tenant-add-customer-address", summary = "Adding a customer address")
    public Response add(@NotNull @Valid SellerAddress address) {
        return Response.status(Response.Status.CREATED)
                .entity(new ResourceLocation(addressBook.add(customer(), address.id, address).getId())).build();
    }

    @GET
    @Path("{addressId}")
    @RolesAllowed(Roles.CUSTOMER_READ)
    @Operation(operationId = "GET-customer-tenant-retrieve-customer-address-by-id", summary = "Retrieving a customer address")
    public AddressResponse get(@PathParam("addressId") String addressId) {
        return AddressResponse.of(addressBook.get(customer(), addressId));
    }

    @PUT
    @Path("{addressId}")
    @Consumes({MediaType.APPLICATION_JSON, MediaTypes.MERGE_PATCH_JSON})
    @RolesAllowed(Roles.CUSTOMER_MANAGE)
    @Operation(operationId = "PUT-customer-tenant-update-customer-address", summary = "Upserting a customer address")
    public Response upsert(@PathParam("addressId") String addressId, @OptionalBody AddressUpdate address) {
        return addressBook.replace(customer(), addressId, address == null ? new AddressUpdate() : address)
                ? Response.status(Response.Status.CREATED).entity(new ResourceLocation(addressId)).build()
                : Response.noContent().build();
    }

    @PATCH
    @Path("{addressId}")
    @Consumes({MediaType.APPLICATION_JSON, MediaTypes.MERGE_PATCH_JSON})
    @RolesAllowed(Roles.CUSTOMER_MANAGE)
    @Operation(operationId = "PATCH-customer-tenant-update-customer-address", summary = "Partially updating a customer address")
    public AddressResponse update(@PathParam("addressId") String addressId, JsonValue patch) {
        return AddressResponse.of(addressBook.update(customer(), addressId, patch));
    }

    @DELETE
    @Path("{addressId}")
    @RolesAllowed(Roles.CUSTOMER_MANAGE)
    @Operation(operationId = "DELETE-customer-tenant-remove-customer-address", summary = "Deleting a customer address")
    public void delete(@PathParam("addressId") String addressId) {
        addressBook.delete(customer(), addressId);
    }

    @POST
    @Path("{addressId}/tags")
    @RolesAllowed(Roles.CUSTOMER_MANAGE)
    @Operation(operationId = "POST-customer-tenant-add-address-tags", summary = "Adding tags to a customer address")
    public void addTags(@PathParam("addressId") String addressId, @QueryParam("tags") String tags) {
        addressBook.addTags(customer(), addressId, tags);
    }

    @DELETE
    @Path("{addressId}/tags")
    @RolesAllowed(Roles.CUSTOMER_MANAGE)
    @Operation(operationId = "DELETE-customer-tenant-remove-address-tags", summary = "Deleting tags from a customer address")
    public void removeTags(@PathParam("addressId") String addressId, @QueryParam("tags") String tags) {
        addressBook.removeTags(customer(), addressId, tags);
    }
}
