package org.opencommerce.customer.admin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencommerce.customer.admin.control.AuditTrail;
import org.opencommerce.customer.admin.entity.AuditEvent;
import org.opencommerce.customer.platform.web.Range;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.platform.TenantNames;
import org.opencommerce.customer.platform.web.WholeNumber;

import java.util.Arrays;
import java.util.List;

/** {@code /admin/audit}: what operators changed, newest first, optionally of one tenant. */
@Path("/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class AdminAuditResource {

    @Inject
    AuditTrail audit;

    @GET
    @Operation(operationId = "admin-list-audit-events", summary = "Reading the audit trail")
    public List<AuditView> latest(@QueryParam("tenant") String tenant,
                                  @QueryParam("limit") @DefaultValue("100") @Range(min = 1, max = AuditTrail.MAX_EVENTS)
                                  WholeNumber limit) {
        if (tenant != null) {
            TenantNames.require(tenant);
        }
        return audit.latest(tenant, limit.intValue()).stream().map(AuditView::of).toList();
    }

    /** One audited change. */
    public record AuditView(String at, String actor, String action, String tenant, String target, List<String> fields) {
        static AuditView of(AuditEvent event) {
            return new AuditView(event.getAt().toString(), event.getActor(), event.getAction(), event.getTenant(),
                    event.getTarget(), event.getFields() == null ? List.of() : Arrays.asList(event.getFields().split(",")));
        }
    }
}
