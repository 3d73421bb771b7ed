package org.opencommerce.customer.admin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.opencommerce.customer.admin.control.SigningKeyAdministration;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.token.control.KeySet;
import org.opencommerce.customer.token.entity.SigningKey;

import java.time.Instant;
import java.util.List;

/** {@code /admin/signing-keys}: the token signing keys; publishing a successor (rotation) and retiring a key. */
@Path("/admin/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class AdminSigningKeyResource {

    private static final long YEAR_SECONDS = 31_536_000;

    @Inject
    SigningKeyAdministration keys;

    @GET
    @Operation(operationId = "admin-list-signing-keys", summary = "Listing the token signing keys")
    public List<KeyView> list() {
        return keys.list().stream().map(key -> KeyView.of(key, keys.stateOf(key))).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "admin-rotate-signing-key",
            summary = "Publishing a new signing key, which signs after the publish lead (or signsInSeconds)")
    public Response rotate(@Valid Rotation rotation) {
        SigningKey published = keys.rotate(rotation == null ? null : rotation.signsInSeconds);
        return Response.status(Response.Status.CREATED).entity(KeyView.published(published)).build();
    }

    @DELETE
    @Path("{kid}")
    @Operation(operationId = "admin-retire-signing-key", summary = "Retiring a signing key: its tokens are refused")
    public void retire(@PathParam("kid") String kid) {
        keys.retire(kid);
    }

    /** When the new key starts signing; without it, after KEY_PUBLISH_LEAD_SECONDS. */
    public static class Rotation {
        @Min(0)
        @Max(YEAR_SECONDS)
        public Long signsInSeconds;
    }

    /** A signing key as the operator sees it (never its private half). */
    public record KeyView(String kid, String state, String createdAt, String signsFrom, String supersededAt,
                          String lastExpiry, String retiredAt) {
        static KeyView of(KeySet.Key key, String state) {
            return new KeyView(key.kid(), state, text(key.createdAt()), text(key.signsFrom()), text(key.supersededAt()),
                    text(key.lastExpiry()), text(key.retiredAt()));
        }

        static KeyView published(SigningKey key) {
            return new KeyView(key.getKid(), key.getSignsFrom().isAfter(key.getCreatedAt()) ? "published" : "signing",
                    text(key.getCreatedAt()), text(key.getSignsFrom()), null, null, null);
        }

        private static String text(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }
}
