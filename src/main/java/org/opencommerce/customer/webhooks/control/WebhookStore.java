package org.opencommerce.customer.webhooks.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.data.ChunkedPurge;
import org.opencommerce.customer.webhooks.entity.WebhookDelivery;
import org.opencommerce.customer.webhooks.entity.WebhookSubscription;
import org.opencommerce.customer.platform.crypto.SecretBox;
import org.opencommerce.customer.platform.crypto.Secrets;
import org.opencommerce.customer.platform.data.Backoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The webhook deliveries' bookkeeping, each step in its own short transaction (sending runs outside any). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookStore {

    /** How long a node may hold claimed deliveries before another node may take them over. */
    static final long CLAIM_SECONDS = 120;

    @PersistenceContext
    EntityManager em;

    @Inject
    ChunkedPurge purge;

    @Inject
    Clock clock;

    @Inject
    SecretBox secrets;

    @Inject
    @ConfigProperty(name = "WEBHOOK_RETRY_BASE_SECONDS", defaultValue = "10")
    long retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "WEBHOOK_RETRY_MAX_SECONDS", defaultValue = "3600")
    long retryMaxSeconds;

    @Inject
    @ConfigProperty(name = "WEBHOOK_RETRY_HORIZON_SECONDS", defaultValue = "259200")
    long retryHorizonSeconds;

    /** A due delivery that heads its subscription's queue: the oldest due one of that subscription. */
    public record Due(long id, String subscriptionId) {
    }

    /** A claimed delivery with where and how to send it. */
    public record Claimed(long id, String subscriptionId, String eventId, String payload, String url, String secret) {
    }

    /**
     * The due deliveries that head their customer's queue, at most one per subscription (its oldest), oldest first,
     * at most limit; none of a subscription that has a claimed delivery in flight (on any node).
     */
    public List<Due> dueHeads(int limit) {
        return em.createNamedQuery(WebhookDelivery.DUE_HEADS, Object[].class)
                .setParameter("pending", WebhookDelivery.State.PENDING).setParameter("now", clock.instant())
                .setMaxResults(limit).getResultList().stream()
                .map(row -> new Due(((Number) row[0]).longValue(), (String) row[1])).toList();
    }

    /**
     * Claims the deliveries for this node: the claim is an update of rows still unclaimed, so two nodes never send the
     * same delivery. A claim not released by an answer (the node stopped) lapses after CLAIM_SECONDS.
     */
    public List<Claimed> claim(List<Long> ids) {
        Instant now = clock.instant();
        String claim = Secrets.newId();
        em.createNamedQuery(WebhookDelivery.CLAIM).setParameter("claim", claim)
                .setParameter("until", now.plusSeconds(CLAIM_SECONDS)).setParameter("ids", ids)
                .setParameter("pending", WebhookDelivery.State.PENDING).setParameter("now", now).executeUpdate();
        return em.createNamedQuery(WebhookDelivery.CLAIMED, WebhookDelivery.class).setParameter("claim", claim)
                .setParameter("pending", WebhookDelivery.State.PENDING).getResultList().stream()
                .map(this::claimed).filter(c -> c != null).toList();
    }

    /** Gives a claimed delivery back unsent (the node could not start it): due again at once, for any node. */
    public void release(long id) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
        if (delivery != null) {
            delivery.releaseClaim();
        }
    }

    private Claimed claimed(WebhookDelivery delivery) {
        WebhookSubscription subscription = em.find(WebhookSubscription.class, delivery.getSubscriptionId());
        if (subscription == null) {
            return null;
        }
        String payload = delivery.isSealed() ? secrets.open(delivery.getPayload()) : delivery.getPayload();
        return new Claimed(delivery.getId(), delivery.getSubscriptionId(), delivery.getEventId(), payload,
                subscription.getUrl(),
                secrets.open(subscription.getSealedSecret()));
    }

    public void markDelivered(long id) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
        if (delivery != null) {
            delivery.delivered(clock.instant());
        }
    }

    /** Answers whether the delivery has now finally failed. */
    public boolean markAttemptFailed(long id, String error) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
        if (delivery == null) {
            return false;
        }
        delivery.attemptFailed(clock.instant(), error, new Backoff(Duration.ofSeconds(retryBaseSeconds),
                Duration.ofSeconds(retryMaxSeconds), Duration.ofSeconds(retryHorizonSeconds)));
        return delivery.getState() == WebhookDelivery.State.FAILED;
    }

    public long count(WebhookDelivery.State state) {
        return em.createNamedQuery(WebhookDelivery.COUNT_IN_STATE, Long.class).setParameter("state", state)
                .getSingleResult();
    }

    /** Deletes deliveries delivered before cutoff (failed ones stay for inspection); answers how many. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int purgeDelivered(Instant cutoff) {
        return purge.all(WebhookDelivery.PURGE_DELIVERED, cutoff);
    }
}
