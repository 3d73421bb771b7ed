package org.opencommerce.customer.backoffice.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencommerce.customer.backoffice.control.CustomerImport;
import org.opencommerce.customer.backoffice.control.ImportCandidate;
import org.opencommerce.customer.backoffice.control.ImportItem;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.BodyLimit;
import org.opencommerce.customer.platform.Roles;

import java.util.List;

/** {@code POST /customer/{tenant}/customers/import}: up to 200 customers with their password hashes, one answer each. */
@Path("/customer/{tenant}/customers/import")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CustomerImportResource {

    /** 200 customers of a few KiB each. */
    private static final int MAX_IMPORT_BYTES = 2 * 1024 * 1024;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @PathParam("tenant")
    String tenant;

    @Inject
    CustomerImport customerImport;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IMPORT_MANAGE)
    @Operation(operationId = "POST-customer-tenant-import-customers", summary = "Importing customers in bulk")
    public Response importCustomers(@NotNull @BodyLimit(bytes = MAX_IMPORT_BYTES) JsonValue customers) {
        if (customers.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiException.badRequest("The body is a JSON array of customers.");
        }
        List<ImportCandidate> candidates = customers.asJsonArray().stream().map(CustomerImportResource::candidate).toList();
        return Response.status(207).entity(customerImport.importAll(tenant, candidates)).build();
    }

    /** Each element is read on its own, so that one of the wrong shape fails alone (400 at its index). */
    private static ImportCandidate candidate(JsonValue element) {
        if (element.getValueType() != JsonValue.ValueType.OBJECT) {
            return new ImportCandidate(null, "Each customer is a JSON object.");
        }
        try {
            return new ImportCandidate(JSONB.fromJson(element.toString(), ImportItem.class), null);
        } catch (JsonbException e) {
            return new ImportCandidate(null, "The customer does not fit CustomerImportDto: a field has the wrong type.");
        }
    }
}
