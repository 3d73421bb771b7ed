package org.opencommerce.customer.admin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencommerce.customer.admin.control.TenantAdministration;
import org.opencommerce.customer.admin.control.TenantSettings;
import org.opencommerce.customer.platform.web.Flag;
import org.opencommerce.customer.platform.web.MediaTypes;
import org.opencommerce.customer.platform.web.Origins;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;

import java.util.List;

/** {@code /admin/tenants}: tenants, their settings and storefront clients, for operators (a client token with the scope admin). */
@Path("/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration", description = "Tenants, settings and storefront clients (a bearer token from POST /oauth/token with the scope admin)")
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class AdminTenantResource {

    @Inject
    TenantAdministration administration;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "admin-create-tenant", summary = "Creating a tenant")
    public Response create(@NotNull @Valid TenantSettings settings) {
        return Response.status(Response.Status.CREATED).entity(TenantView.of(administration.create(settings))).build();
    }

    @GET
    @Operation(operationId = "admin-list-tenants", summary = "Listing tenants")
    public List<TenantView> list() {
        return administration.list().stream().map(TenantView::of).toList();
    }

    @GET
    @Path("{tenant}")
    @Operation(operationId = "admin-get-tenant", summary = "Retrieving a tenant")
    public TenantView get(@PathParam("tenant") String tenant) {
        return TenantView.of(administration.get(tenant));
    }

    @PATCH
    @Path("{tenant}")
    @Consumes({MediaType.APPLICATION_JSON, MediaTypes.MERGE_PATCH_JSON})
    @Operation(operationId = "admin-update-tenant", summary = "Changing a tenant's settings")
    public TenantView update(@PathParam("tenant") String tenant, JsonValue patch) {
        return TenantView.of(administration.update(tenant, patch));
    }

    @DELETE
    @Path("{tenant}")
    @Operation(operationId = "admin-delete-tenant", summary = "Deleting a tenant (with force=true while it has customers)")
    public void delete(@PathParam("tenant") String tenant, @QueryParam("force") @DefaultValue("false") Flag force) {
        administration.delete(tenant, force.value());
    }

    @POST
    @Path("{tenant}/clients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "admin-create-client", summary = "Registering a storefront client")
    public Response addClient(@PathParam("tenant") String tenant, @NotNull @Valid NewClient client) {
        return Response.status(Response.Status.CREATED)
                .entity(ClientView.of(administration.addClient(tenant, client.name, client.allowedOrigins))).build();
    }

    @GET
    @Path("{tenant}/clients")
    @Operation(operationId = "admin-list-clients", summary = "Listing a tenant's storefront clients")
    public List<ClientView> clients(@PathParam("tenant") String tenant) {
        return administration.clients(tenant).stream().map(ClientView::of).toList();
    }

    /** Replaces the client's allowed web origins (CORS). */
    @PATCH
    @Path("{tenant}/clients/{clientId}")
    @Consumes({MediaType.APPLICATION_JSON, MediaTypes.MERGE_PATCH_JSON})
    @Operation(operationId = "admin-update-client", summary = "Changing a storefront client's allowed origins")
    public ClientView updateClient(@PathParam("tenant") String tenant, @PathParam("clientId") String clientId,
                                   @NotNull @Valid ClientOrigins origins) {
        return ClientView.of(administration.allowOrigins(tenant, clientId, origins.allowedOrigins));
    }

    @DELETE
    @Path("{tenant}/clients/{clientId}")
    @Operation(operationId = "admin-revoke-client", summary = "Revoking a storefront client")
    public void revokeClient(@PathParam("tenant") String tenant, @PathParam("clientId") String clientId) {
        administration.revokeClient(tenant, clientId);
    }

    /** A storefront client's new web origins. */
    public static class ClientOrigins {
        @NotNull
        @Size(max = 20)
        public List<@NotBlank @Size(max = 255) @Pattern(regexp = Origins.PATTERN,
                message = "must be an origin such as https://shop.example.com (scheme, host, optional port), or *") String> allowedOrigins;
    }

    /** A storefront client to register. */
    public static class NewClient {
        @NotBlank
        @Size(max = 200)
        public String name;
        /** Web origins its pages are served from: {@code https://shop.example.com}, or "*" for any. */
        @Size(max = 20)
        public List<@NotBlank @Size(max = 255) @Pattern(regexp = Origins.PATTERN,
                message = "must be an origin such as https://shop.example.com (scheme, host, optional port), or *") String> allowedOrigins;
    }
}
