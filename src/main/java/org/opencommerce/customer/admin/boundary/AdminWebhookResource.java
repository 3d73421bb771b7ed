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
import org.opencommerce.customer.admin.control.WebhookAdministration;
import org.opencommerce.customer.webhooks.control.WebhookSubscriptions;
import org.opencommerce.customer.webhooks.entity.WebhookDelivery;
import org.opencommerce.customer.webhooks.entity.WebhookSubscription;
import org.opencommerce.customer.platform.web.MediaTypes;
import org.opencommerce.customer.platform.web.NoStore;
import org.opencommerce.customer.platform.web.Range;
import org.opencommerce.customer.platform.data.RetriedOnConflict;
import org.opencommerce.customer.platform.data.TransactionConflict;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.platform.web.WholeNumber;

import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/tenants/{tenant}/webhooks}: the tenant's webhook subscriptions and their deliveries. The signing
 * secret is answered once, when it is made.
 */
@Path("/admin/tenants/{tenant}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
@RequestScoped
@RetriedOnConflict
@Retry(retryOn = TransactionConflict.class, maxRetries = 2, delay = 50, jitter = 40)
public class AdminWebhookResource {

    @Inject
    WebhookAdministration webhooks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "admin-create-webhook", summary = "Subscribing an endpoint to customer events")
    @NoStore
    public Response create(@PathParam("tenant") String tenant, @NotNull @Valid NewSubscription subscription) {
        return Response.status(Response.Status.CREATED).entity(SubscriptionView.withSecret(webhooks.create(tenant,
                subscription.url, subscription.eventTypes, subscription.enabled == null || subscription.enabled,
                Boolean.TRUE.equals(subscription.includeTokens)))).build();
    }

    @GET
    @Operation(operationId = "admin-list-webhooks", summary = "Listing a tenant's webhook subscriptions")
    public List<SubscriptionView> list(@PathParam("tenant") String tenant) {
        return webhooks.list(tenant).stream().map(SubscriptionView::of).toList();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MediaTypes.MERGE_PATCH_JSON})
    @Operation(operationId = "admin-update-webhook", summary = "Changing a webhook subscription's URL, event types or state")
    public SubscriptionView update(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                   @NotNull @Valid SubscriptionChange change) {
        return SubscriptionView.of(webhooks.update(tenant, id, change.url, change.eventTypes, change.enabled,
                change.includeTokens));
    }

    @POST
    @Path("{id}/secret")
    @Operation(operationId = "admin-replace-webhook-secret", summary = "Replacing a webhook subscription's signing secret")
    @NoStore
    public SubscriptionView replaceSecret(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return SubscriptionView.withSecret(webhooks.replaceSecret(tenant, id));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "admin-delete-webhook", summary = "Deleting a webhook subscription and its deliveries")
    public void delete(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        webhooks.delete(tenant, id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "admin-list-webhook-deliveries",
            summary = "Listing a subscription's deliveries in a state (failed by default), newest first")
    public List<DeliveryView> deliveries(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                         @QueryParam("state") @DefaultValue("failed") WebhookDelivery.State state,
                                         @QueryParam("limit") @DefaultValue("100") @Range(min = 1, max = 1000)
                                         WholeNumber limit) {
        return webhooks.deliveries(tenant, id, state, limit.intValue()).stream().map(DeliveryView::of).toList();
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "admin-redeliver-webhook", summary = "Queuing a delivery again")
    public DeliveryView redeliver(@PathParam("tenant") String tenant, @PathParam("id") String id,
                                  @PathParam("deliveryId") WholeNumber deliveryId) {
        return DeliveryView.of(webhooks.redeliver(tenant, id, deliveryId.value()));
    }

    /** A subscription to create. */
    public static class NewSubscription {
        @NotBlank
        @Size(max = 2000)
        public String url;
        @NotEmpty
        @Size(max = 20)
        public List<@NotBlank @Size(max = 64) String> eventTypes;
        public Boolean enabled;
        /** The endpoint also receives mailed tokens (password reset, email change): it then holds credentials. */
        public Boolean includeTokens;
    }

    /** What to change in a subscription; absent fields stay as they are. */
    public static class SubscriptionChange {
        @Size(max = 2000)
        public String url;
        @Size(min = 1, max = 20)
        public List<@NotBlank @Size(max = 64) String> eventTypes;
        public Boolean enabled;
        public Boolean includeTokens;
    }

    /** A subscription as the admin API answers it; the secret only when it was just made. */
    public record SubscriptionView(String id, String tenant, String url, List<String> eventTypes, boolean enabled,
                                   boolean includeTokens, String secret, String createdAt) {
        static SubscriptionView of(WebhookSubscription s) {
            return new SubscriptionView(s.getId(), s.getTenant(), s.getUrl(), s.getEventTypes(), s.isEnabled(),
                    s.isIncludeTokens(), null, s.getCreatedAt().toString());
        }

        static SubscriptionView withSecret(WebhookSubscriptions.WithSecret made) {
            WebhookSubscription s = made.subscription();
            return new SubscriptionView(s.getId(), s.getTenant(), s.getUrl(), s.getEventTypes(), s.isEnabled(),
                    s.isIncludeTokens(), made.secret(), s.getCreatedAt().toString());
        }
    }

    /** A delivery as the admin API answers it. */
    public record DeliveryView(long id, String eventId, String eventType, String state, int attempts, String createdAt,
                               String finishedAt, String lastError) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.getId(), d.getEventId(), d.getEventType(), d.getState().name().toLowerCase(Locale.ROOT),
                    d.getAttempts(), d.getCreatedAt().toString(), d.getFinishedAt() == null ? null : d.getFinishedAt().toString(),
                    d.getLastError());
        }
    }
}
