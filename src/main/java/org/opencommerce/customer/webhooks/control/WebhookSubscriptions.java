package org.opencommerce.customer.webhooks.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.webhooks.entity.WebhookDelivery;
import org.opencommerce.customer.webhooks.entity.WebhookSubscription;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.platform.cluster.Invalidated;
import org.opencommerce.customer.platform.cluster.Invalidations;
import org.opencommerce.customer.platform.data.JpaHints;
import org.opencommerce.customer.platform.crypto.SecretBox;
import org.opencommerce.customer.platform.crypto.Secrets;
import org.opencommerce.customer.tenant.control.Tenants;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/** A tenant's webhook subscriptions and their deliveries, as the operator manages them. */
@Stateless
public class WebhookSubscriptions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    SecretBox secrets;

    @Inject
    Clock clock;

    @Inject
    Invalidations invalidations;

    @Inject
    WebhookTargets targets;

    /** A subscription and, when it was just made or re-keyed, its signing secret (answered once). */
    public record WithSecret(WebhookSubscription subscription, String secret) {
    }

    public WithSecret create(String tenant, String url, List<String> eventTypes, boolean enabled, boolean includeTokens) {
        String secret = WebhookSignature.newSecret();
        WebhookSubscription subscription = new WebhookSubscription(Secrets.newId(), tenants.require(tenant).name(),
                checkedUrl(url), checkedTypes(eventTypes), secrets.seal(secret), enabled, clock.instant());
        subscription.setIncludeTokens(includeTokens);
        em.persist(subscription);
        invalidations.record(Invalidated.Kind.TENANT, subscription.getTenant());
        return new WithSecret(subscription, secret);
    }

    /** The tenant's enabled subscriptions, read-only in the caller's transaction (no second connection). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<WebhookSubscription> enabledOf(String tenant) {
        return List.copyOf(em.createNamedQuery(WebhookSubscription.ENABLED_OF_TENANT, WebhookSubscription.class)
                .setParameter("tenant", tenant).setHint(JpaHints.READ_ONLY, true).getResultList());
    }

    public List<WebhookSubscription> of(String tenant) {
        return em.createNamedQuery(WebhookSubscription.OF_TENANT, WebhookSubscription.class)
                .setParameter("tenant", tenants.require(tenant).name()).getResultList();
    }

    public WebhookSubscription get(String tenant, String id) {
        WebhookSubscription subscription = id == null || id.length() > 32 ? null
                : em.createNamedQuery(WebhookSubscription.BY_ID, WebhookSubscription.class).setParameter("tenant", tenant)
                .setParameter("id", id).getResultStream().findFirst().orElse(null);
        if (subscription == null) {
            throw ApiException.notFound("Webhook subscription " + id + " of tenant " + tenant + " not found.");
        }
        return subscription;
    }

    /** Changes what is given (null: unchanged). */
    public WebhookSubscription update(String tenant, String id, String url, List<String> eventTypes, Boolean enabled,
                                      Boolean includeTokens) {
        WebhookSubscription subscription = get(tenant, id);
        if (url != null) {
            subscription.setUrl(checkedUrl(url));
        }
        if (eventTypes != null) {
            subscription.setEventTypes(checkedTypes(eventTypes));
        }
        if (enabled != null) {
            subscription.setEnabled(enabled);
        }
        if (includeTokens != null) {
            subscription.setIncludeTokens(includeTokens);
        }
        invalidations.record(Invalidated.Kind.TENANT, tenant);
        return subscription;
    }

    /** A new signing secret; deliveries from now on are signed with it. */
    public WithSecret replaceSecret(String tenant, String id) {
        WebhookSubscription subscription = get(tenant, id);
        String secret = WebhookSignature.newSecret();
        subscription.setSealedSecret(secrets.seal(secret));
        return new WithSecret(subscription, secret);
    }

    /** Deletes the subscription with its deliveries. */
    public void delete(String tenant, String id) {
        em.remove(get(tenant, id));
        invalidations.record(Invalidated.Kind.TENANT, tenant);
    }

    /** The subscription's deliveries in a state, newest first (at most limit). */
    public List<WebhookDelivery> deliveries(String tenant, String id, WebhookDelivery.State state, int limit) {
        get(tenant, id);
        return em.createNamedQuery(WebhookDelivery.OF_SUBSCRIPTION, WebhookDelivery.class).setParameter("subscription", id)
                .setParameter("state", state).setMaxResults(Math.max(1, Math.min(limit, 1000))).getResultList();
    }

    /** Queues a delivery of the subscription again (a finally failed one, typically): due now, a new retry horizon. */
    public WebhookDelivery redeliver(String tenant, String id, long deliveryId) {
        WebhookSubscription subscription = get(tenant, id);
        WebhookDelivery delivery = em.createNamedQuery(WebhookDelivery.BY_ID, WebhookDelivery.class)
                .setParameter("subscription", subscription.getId()).setParameter("id", deliveryId)
                .getResultStream().findFirst().orElse(null);
        if (delivery == null) {
            throw ApiException.notFound("Delivery " + deliveryId + " of webhook subscription " + id + " not found.");
        }
        delivery.redeliver(clock.instant());
        return delivery;
    }

    /**
     * An absolute http(s) URL whose host is not on this network (loopback, private, link-local, …), unless
     * WEBHOOK_ALLOWED_TARGETS allows it; checked again before each delivery.
     */
    private String checkedUrl(String url) {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || url.length() > 2000
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw ApiException.validation("url must be an absolute http(s) URL.",
                    List.of(new ErrorMessage.Detail("url", "invalid_value", "is an absolute http(s) URL")));
        }
        if (targets.refusal(uri, false).isPresent()) {
            throw ApiException.validation("url must not point to a loopback, private, link-local or other internal "
                            + "address (WEBHOOK_ALLOWED_TARGETS allows named ones).",
                    List.of(new ErrorMessage.Detail("url", "invalid_value", "is a public address")));
        }
        return url;
    }

    private static List<String> checkedTypes(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty() || !EventTypes.ALL.containsAll(eventTypes)) {
            throw ApiException.validation("eventTypes lists one or more of " + String.join(", ", EventTypes.ALL) + ".",
                    List.of(new ErrorMessage.Detail("eventTypes", "invalid_value", "lists known event types")));
        }
        return eventTypes.stream().distinct().toList();
    }
}
