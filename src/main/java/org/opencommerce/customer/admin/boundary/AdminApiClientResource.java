package org.opencommerce.customer.admin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencommerce.customer.admin.control.ApiClientAdministration;
import org.opencommerce.customer.platform.web.NoStore;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.token.control.NewClientSecret;
import org.opencommerce.customer.tenant.entity.ApiClient;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /admin/tenants/{tenant}/api-clients}: the tenant's back-office API clients (client credentials at
 * {@code POST /oauth/token}). The secret is answered once, when it is made.
 */
@Path("/admin/tenants/{tenant}/api-clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class AdminApiClientResource {

    @Inject
    ApiClientAdministration clients;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "admin-create-api-client", summary = "Registering a back-office API client")
    @NoStore
    public Response register(@PathParam("tenant") String tenant, @NotNull @Valid NewApiClient client) {
        return Response.status(Response.Status.CREATED)
                .entity(ApiClientView.withSecret(clients.register(tenant, client.name, new LinkedHashSet<>(client.scopes))))
                .build();
    }

    @GET
    @Operation(operationId = "admin-list-api-clients", summary = "Listing a tenant's back-office API clients")
    public List<ApiClientView> list(@PathParam("tenant") String tenant) {
        return clients.list(tenant).stream().map(ApiClientView::of).toList();
    }

    @POST
    @Path("{clientId}/secret")
    @Operation(operationId = "admin-replace-api-client-secret", summary = "Replacing a back-office API client's secret")
    @NoStore
    public ApiClientView replaceSecret(@PathParam("tenant") String tenant, @PathParam("clientId") String clientId) {
        return ApiClientView.withSecret(clients.replaceSecret(tenant, clientId));
    }

    @DELETE
    @Path("{clientId}")
    @Operation(operationId = "admin-revoke-api-client", summary = "Revoking a back-office API client and its tokens")
    public void revoke(@PathParam("tenant") String tenant, @PathParam("clientId") String clientId) {
        clients.revoke(tenant, clientId);
    }

    /** A back-office client to register: a name and the scopes it may request. */
    public static class NewApiClient {
        @NotBlank
        @Size(max = 200)
        public String name;
        @NotEmpty
        @Size(max = 10)
        public List<@NotBlank @Size(max = 64) String> scopes;
    }

    /** A back-office client as the admin API answers it; the secret only when it was just made. */
    public record ApiClientView(String clientId, String tenant, String name, Set<String> scopes, String secret,
                                String createdAt, String secretChangedAt) {

        static ApiClientView of(ApiClient client) {
            return new ApiClientView(client.getClientId(), client.getTenant(), client.getName(), client.getScopes(), null,
                    client.getCreatedAt().toString(), client.getSecretChangedAt().toString());
        }

        static ApiClientView withSecret(NewClientSecret issued) {
            ApiClient client = issued.client();
            return new ApiClientView(client.getClientId(), client.getTenant(), client.getName(), client.getScopes(),
                    issued.secret(), client.getCreatedAt().toString(), client.getSecretChangedAt().toString());
        }
    }
}
