package org.opencommerce.customer.webhooks.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.webhooks.entity.WebhookDelivery;
import org.opencommerce.customer.webhooks.entity.WebhookSubscription;
import org.opencommerce.customer.platform.crypto.SecretBox;
import org.opencommerce.customer.platform.crypto.Secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Emits a customer event: one delivery per enabled subscription of the tenant that wants the type, written in the
 * caller's transaction (the transactional outbox), so that the event exists exactly when the change does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CustomerEvents {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SecretBox secrets;

    @Inject
    SubscriptionCache cache;

    @Inject
    WebhookSubscriptions subscriptions;

    private static String payload(String type, Instant at, JsonObject data) {
        return Json.createObjectBuilder().add("type", type).add("timestamp", at.toString()).add("data", data).build()
                .toString();
    }

    /**
     * An event about customerId of tenant with its data (the payload's {@code data}), made only when a subscription
     * wants the event: a tenant without one pays a lookup in memory ({@link SubscriptionCache}), one with subscribers
     * a read of them in the caller's transaction.
     */
    public void emit(String tenant, String type, long customerId, Supplier<JsonObject> data) {
        emit(tenant, type, customerId, data, null);
    }

    /**
     * An event that can carry a mailed token: {@code data.token} only for subscriptions that include tokens, whose
     * delivery is then stored sealed with the data key (mailed tokens are otherwise stored only as hashes).
     */
    public void emit(String tenant, String type, long customerId, Supplier<JsonObject> dataOfEvent, String token) {
        if (!cache.anyWants(tenant, type)) {
            return;
        }
        // Someone may listen: the subscriptions are read again in this transaction, so that none deleted since the
        // cache read them gets a delivery row (its foreign key would fail the customer's own request).
        List<WebhookSubscription> subscribers = subscriptions.enabledOf(tenant).stream().filter(s -> s.wants(type)).toList();
        if (subscribers.isEmpty()) {
            return;
        }
        JsonObject data = dataOfEvent.get();
        Instant now = clock.instant();
        String eventId = "evt_" + Secrets.newId();
        String payload = payload(type, now, data);
        for (WebhookSubscription subscription : subscribers) {
            boolean withToken = token != null && subscription.isIncludeTokens();
            String body = withToken ? secrets.seal(payload(type, now, Json.createObjectBuilder(data).add("token", token).build()))
                    : payload;
            em.persist(new WebhookDelivery(subscription, eventId, type, String.valueOf(customerId), body, withToken, now));
        }
    }
}
