package org.opencommerce.customer.backoffice.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.opencommerce.customer.backoffice.control.PasswordMigrations;
import org.opencommerce.customer.backoffice.control.RetentionRequest;
import org.opencommerce.customer.backoffice.entity.PasswordMigration;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;

/** {@code /customer/{tenant}/config/password-migration-retention}: the tenant's password migration window. */
@Path("/customer/{tenant}/config/password-migration-retention")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class PasswordMigrationResource {

    @PathParam("tenant")
    String tenant;

    @Inject
    PasswordMigrations migrations;

    @GET
    @RolesAllowed(Roles.IMPORT_READ)
    @Operation(operationId = "GET-customer-tenant-retrieve-password-migration-retention",
            summary = "Retrieving password migration retention configuration")
    public RetentionResponse get() {
        return RetentionResponse.of(migrations.get(tenant));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IMPORT_MANAGE)
    @Operation(operationId = "POST-customer-tenant-configure-password-migration-retention",
            summary = "Configuring password migration retention")
    public RetentionResponse configure(@NotNull @Valid RetentionRequest request) {
        return RetentionResponse.of(migrations.configure(tenant, request));
    }

    @DELETE
    @RolesAllowed(Roles.IMPORT_MANAGE)
    @Operation(operationId = "DELETE-customer-tenant-remove-password-migration-retention",
            summary = "Removing password migration retention configuration")
    public Response remove() {
        migrations.remove(tenant);
        return Response.noContent().build();
    }

    /** The spec's {@code PasswordMigrationRetentionConfigResponse}. */
    public record RetentionResponse(String retentionEndDate, String emailReminderDate, boolean emailNotificationsEnabled) {
        static RetentionResponse of(PasswordMigration migration) {
            return new RetentionResponse(migration.getRetentionEndDate().toString(),
                    migration.getEmailReminderDate().toString(), migration.isNotifications());
        }
    }
}
