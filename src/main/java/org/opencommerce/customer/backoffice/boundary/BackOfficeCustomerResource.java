package org.opencommerce.customer.backoffice.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.opencommerce.customer.backoffice.control.BackOfficeCustomers;
import org.opencommerce.customer.backoffice.control.CustomerCreation;
import org.opencommerce.customer.backoffice.control.CustomerQuery;
import org.opencommerce.customer.backoffice.control.CustomerSearch;
import org.opencommerce.customer.backoffice.control.CustomerSort;
import org.opencommerce.customer.backoffice.control.Expansion;
import org.opencommerce.customer.backoffice.control.NewSellerCustomer;
import org.opencommerce.customer.backoffice.control.SearchResult;
import org.opencommerce.customer.backoffice.control.SellerCustomerDetails;
import org.opencommerce.customer.platform.web.Flag;
import org.opencommerce.customer.platform.web.MediaTypes;
import org.opencommerce.customer.platform.web.OptionalBody;
import org.opencommerce.customer.platform.web.ResourceLocation;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.platform.web.WholeNumber;
import org.opencommerce.customer.token.control.TokenClaims;

/**
 * {@code /customer/{tenant}/customers}: the tenant-managed (back-office) customer API, for clients holding the
 * spec's scopes (client credentials, {@code POST /oauth/token}), and for company admins holding a customer token (the
 * spec's {@code _own} scopes): which customers a caller reaches is decided by {@code CompanyScope}.
 */
@Path("/customer/{tenant}/customers")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class BackOfficeCustomerResource {

    @PathParam("tenant")
    String tenant;

    @Inject
    JsonWebToken token;

    @Inject
    CustomerSearch search;

    @Inject
    BackOfficeCustomers customers;

    @Inject
    CustomerCreation creation;

    @GET
    @RolesAllowed({Roles.CUSTOMER_READ, Roles.CUSTOMER})
    @Operation(operationId = "GET-customer-tenant-list-customers", summary = "Retrieving a list of customers")
    public Response list(@QueryParam("q") String q, @QueryParam("sort") String sort,
                         @QueryParam("pageNumber") @DefaultValue("1") WholeNumber pageNumber,
                         @QueryParam("pageSize") @DefaultValue("60") WholeNumber pageSize,
                         @QueryParam("expand") String expand) {
        return page(search.search(tenant, CustomerQuery.parse(q), CustomerSort.parse(sort), pageNumber.intValue(),
                pageSize.intValue(), Expansion.parse(expand)));
    }

    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER_READ, Roles.CUSTOMER})
    @Operation(operationId = "POST-customer-tenant-search", summary = "Searching for customers")
    public Response search(@OptionalBody SearchRequest request, @QueryParam("sort") String sort,
                           @QueryParam("pageNumber") @DefaultValue("1") WholeNumber pageNumber,
                           @QueryParam("pageSize") @DefaultValue("60") WholeNumber pageSize,
                           @QueryParam("expand") String expand) {
        return page(search.search(tenant, CustomerQuery.parse(request == null ? null : request.q), CustomerSort.parse(sort),
                pageNumber.intValue(), pageSize.intValue(), Expansion.parse(expand)));
    }

    private static Response page(SearchResult result) {
        return Response.ok(result.customers().stream().map(SellerCustomerResponse::of).toList())
                .header("Count", result.total()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER_MANAGE, Roles.CUSTOMER})
    @Operation(operationId = "POST-customer-tenant-create-customer", summary = "Creating a customer")
    public Response create(@OptionalBody @Valid NewSellerCustomer customer,
                           @QueryParam("sendPasswordResetNotifications") @DefaultValue("true") Flag sendResetMail) {
        String number = creation.create(tenant, customer == null ? new NewSellerCustomer() : customer, sendResetMail.value());
        return Response.status(Response.Status.CREATED).entity(new ResourceLocation(number)).build();
    }

    @GET
    @Path("{customerNumber}")
    @RolesAllowed({Roles.CUSTOMER_READ, Roles.CUSTOMER})
    @Operation(operationId = "GET-customer-tenant-retrieve-customer", summary = "Retrieving a customer profile")
    public SellerCustomerResponse get(@PathParam("customerNumber") String customerNumber, @QueryParam("expand") String expand) {
        return SellerCustomerResponse.of(customers.get(tenant, customerNumber, Expansion.parse(expand)));
    }

    @PUT
    @Path("{customerNumber}")
    @Consumes({MediaType.APPLICATION_JSON, MediaTypes.MERGE_PATCH_JSON})
    @RolesAllowed({Roles.CUSTOMER_MANAGE, Roles.CUSTOMER})
    @Operation(operationId = "PUT-customer-tenant-update-customer", summary = "Upserting a customer profile")
    public Response upsert(@PathParam("customerNumber") String customerNumber,
                           @OptionalBody @Valid SellerCustomerDetails customer,
                           @QueryParam("sendPasswordResetNotifications") @DefaultValue("true") Flag sendResetMail) {
        boolean created = creation.upsert(tenant, customerNumber,
                customer == null ? new SellerCustomerDetails() : customer, sendResetMail.value(), actor());
        return created ? Response.status(Response.Status.CREATED).entity(new ResourceLocation(customerNumber)).build()
                : Response.noContent().build();
    }

    @PATCH
    @Path("{customerNumber}")
    @Consumes({MediaType.APPLICATION_JSON, MediaTypes.MERGE_PATCH_JSON})
    @RolesAllowed({Roles.CUSTOMER_MANAGE, Roles.CUSTOMER})
    @Operation(operationId = "PATCH-customer-tenant-update-customer", summary = "Updating a customer profile")
    public SellerCustomerResponse patch(@PathParam("customerNumber") String customerNumber, JsonValue patch) {
        return SellerCustomerResponse.of(customers.patch(tenant, customerNumber, patch, actor()));
    }

    @DELETE
    @Path("{customerNumber}")
    @RolesAllowed({Roles.CUSTOMER_MANAGE, Roles.CUSTOMER})
    @Operation(operationId = "DELETE-customer-tenant-remove-customer", summary = "Deleting a customer profile")
    public Response delete(@PathParam("customerNumber") String customerNumber) {
        customers.delete(tenant, customerNumber, actor());
        return Response.accepted().build();
    }

    /**
     * Who makes the change, as the customer's events name it: the back-office client, or {@code customer:<number>} for a
     * company admin.
     */
    private String actor() {
        String client = token.getClaim(TokenClaims.CLIENT);
        return client != null ? client : "customer:" + token.getSubject();
    }

    /** The body of POST …/customers/search. */
    public static class SearchRequest {
        public String q;
    }
}
