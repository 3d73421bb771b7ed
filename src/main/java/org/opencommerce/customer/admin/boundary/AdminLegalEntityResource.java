package org.opencommerce.customer.admin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencommerce.customer.admin.control.LegalEntityAdministration;
import org.opencommerce.customer.backoffice.control.CompanyMember;
import org.opencommerce.customer.backoffice.entity.CompanyRole;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.profile.entity.LegalEntity;

import java.util.List;

/**
 * {@code /admin/tenants/{tenant}/legal-entities}: a tenant's B2B companies, which customers belong to them and which
 * of those are company admins (README, "Back office"), until a back-office API manages them.
 */
@Path("/admin/tenants/{tenant}/legal-entities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class AdminLegalEntityResource {

    @Inject
    LegalEntityAdministration legalEntities;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "admin-create-legal-entity", summary = "Creating a legal entity (B2B company)")
    public Response create(@PathParam("tenant") String tenant, @NotNull @Valid NewLegalEntity entity) {
        return Response.status(Response.Status.CREATED)
                .entity(LegalEntityView.of(legalEntities.create(tenant, entity.id, entity.name))).build();
    }

    @GET
    @Operation(operationId = "admin-list-legal-entities", summary = "Listing a tenant's legal entities")
    public List<LegalEntityView> list(@PathParam("tenant") String tenant) {
        return legalEntities.list(tenant).stream().map(LegalEntityView::of).toList();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "admin-delete-legal-entity", summary = "Deleting a legal entity")
    public void delete(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        legalEntities.delete(tenant, id);
    }

    @PUT
    @Path("{id}/members/{customerNumber}")
    @Operation(operationId = "admin-add-legal-entity-member", summary = "Making a customer a member of a legal entity")
    public void addMember(@PathParam("tenant") String tenant, @PathParam("id") String id,
                          @PathParam("customerNumber") String customerNumber) {
        legalEntities.addMember(tenant, id, customerNumber);
    }

    @DELETE
    @Path("{id}/members/{customerNumber}")
    @Operation(operationId = "admin-remove-legal-entity-member", summary = "Removing a customer from a legal entity")
    public void removeMember(@PathParam("tenant") String tenant, @PathParam("id") String id,
                             @PathParam("customerNumber") String customerNumber) {
        legalEntities.removeMember(tenant, id, customerNumber);
    }

    @GET
    @Path("{id}/members")
    @Operation(operationId = "admin-list-legal-entity-members", summary = "Listing a legal entity's members and their roles")
    public List<MemberView> members(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return legalEntities.members(tenant, id).stream().map(MemberView::of).toList();
    }

    @PUT
    @Path("{id}/admins/{customerNumber}")
    @Operation(operationId = "admin-add-legal-entity-admin",
            summary = "Making a customer a company admin of a legal entity (and a member when it is not)")
    public void addAdmin(@PathParam("tenant") String tenant, @PathParam("id") String id,
                         @PathParam("customerNumber") String customerNumber) {
        legalEntities.assignRole(tenant, id, customerNumber, CompanyRole.ADMIN);
    }

    @DELETE
    @Path("{id}/admins/{customerNumber}")
    @Operation(operationId = "admin-remove-legal-entity-admin",
            summary = "Taking the company admin role away (the customer stays a member)")
    public void removeAdmin(@PathParam("tenant") String tenant, @PathParam("id") String id,
                            @PathParam("customerNumber") String customerNumber) {
        legalEntities.assignRole(tenant, id, customerNumber, CompanyRole.MEMBER);
    }

    /** A legal entity to create: its id (optional, generated when absent) and name. */
    public static class NewLegalEntity {
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "letters, digits, '_', '.' and '-' only")
        public String id;
        @NotBlank
        @Size(max = 200)
        public String name;
    }

    /** A legal entity as the admin API answers it. */
    public record LegalEntityView(String id, String name, String tenant) {
        static LegalEntityView of(LegalEntity entity) {
            return new LegalEntityView(entity.getId(), entity.getName(), entity.getTenant());
        }
    }

    /** A member as the admin API answers it: its customer number and its role, member or admin. */
    public record MemberView(String customerNumber, String role) {
        static MemberView of(CompanyMember member) {
            return new MemberView(member.customerNumber(), member.role().value());
        }
    }
}
