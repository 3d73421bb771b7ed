package org.opencommerce.customer.admin.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.opencommerce.customer.webhooks.control.WebhookSubscriptions;
import org.opencommerce.customer.webhooks.entity.WebhookDelivery;
import org.opencommerce.customer.webhooks.entity.WebhookSubscription;
import org.opencommerce.customer.platform.Roles;

import java.util.ArrayList;
import java.util.List;

/** The operator manages a tenant's webhook subscriptions and redelivers their deliveries; every change is audited. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class WebhookAdministration {

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    AuditTrail audit;

    public WebhookSubscriptions.WithSecret create(String tenant, String url, List<String> eventTypes, boolean enabled,
                                                  boolean includeTokens) {
        WebhookSubscriptions.WithSecret created = subscriptions.create(tenant, url, eventTypes, enabled, includeTokens);
        audit.record("webhook.create", tenant, created.subscription().getId(),
                List.of("url", "eventTypes", "enabled", "includeTokens"));
        return created;
    }

    public List<WebhookSubscription> list(String tenant) {
        return subscriptions.of(tenant);
    }

    public WebhookSubscription update(String tenant, String id, String url, List<String> eventTypes, Boolean enabled,
                                      Boolean includeTokens) {
        WebhookSubscription updated = subscriptions.update(tenant, id, url, eventTypes, enabled, includeTokens);
        List<String> fields = new ArrayList<>();
        if (url != null) fields.add("url");
        if (eventTypes != null) fields.add("eventTypes");
        if (enabled != null) fields.add("enabled");
        if (includeTokens != null) fields.add("includeTokens");
        audit.record("webhook.update", tenant, id, fields);
        return updated;
    }

    public WebhookSubscriptions.WithSecret replaceSecret(String tenant, String id) {
        WebhookSubscriptions.WithSecret replaced = subscriptions.replaceSecret(tenant, id);
        audit.record("webhook.secret", tenant, id, List.of("secret"));
        return replaced;
    }

    public void delete(String tenant, String id) {
        subscriptions.delete(tenant, id);
        audit.record("webhook.delete", tenant, id, List.of());
    }

    public List<WebhookDelivery> deliveries(String tenant, String id, WebhookDelivery.State state, int limit) {
        return subscriptions.deliveries(tenant, id, state, limit);
    }

    public WebhookDelivery redeliver(String tenant, String id, long deliveryId) {
        WebhookDelivery delivery = subscriptions.redeliver(tenant, id, deliveryId);
        audit.record("webhook.redeliver", tenant, id + "/" + deliveryId, List.of());
        return delivery;
    }
}
