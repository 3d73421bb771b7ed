package org.opencommerce.customer.events.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.events.entity.WebhookDelivery;
import org.opencommerce.customer.events.entity.WebhookSubscription;
import org.opencommerce.customer.platform.SecretBox;
import org.opencommerce.customer.platform.Secrets;

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
    Clock clock;

    @Inject
    SecretBox secrets;

    @Inject
    @ConfigProperty(name = "WEBHOOK_BATCH_SIZE", defaultValue = "50")
    int batchSize;

    @Inject
    @ConfigProperty(name = "WEBHOOK_RETRY_BASE_SECONDS", defaultValue = "10")
    long retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "WEBHOOK_RETRY_MAX_SECONDS", defaultValue = "3600")
    long retryMaxSeconds;

    @Inject
    @ConfigProperty(name = "WEBHOOK_RETRY_HORIZON_SECONDS", defaultValue = "259200")
    long retryHorizonSeconds;

    /** A claimed delivery with where and how to send it. */
    public record Claimed(long id, String eventId, String payload, String url, String secret) {
    }

    /**
     * Claims the due deliveries that head their customer's queue, for this node: the claim is an update of rows
     * still unclaimed, so two nodes never send the same delivery.
     */
    public List<Claimed> claimDue() {
        Instant now = clock.instant();
        List<Long> heads = em.createNamedQuery(WebhookDelivery.DUE_HEADS, Long.class)
                .setParameter("pending", WebhookDelivery.State.PENDING).setParameter("now", now)
                .setMaxResults(batchSize).getResultList();
        if (heads.isEmpty()) {
            return List.of();
        }
        String claim = Secrets.newId();
        em.createNamedQuery(WebhookDelivery.CLAIM).setParameter("claim", claim)
                .setParameter("until", now.plusSeconds(CLAIM_SECONDS)).setParameter("ids", heads)
                .setParameter("pending", WebhookDelivery.State.PENDING).setParameter("now", now).executeUpdate();
        return em.createNamedQuery(WebhookDelivery.CLAIMED, WebhookDelivery.class).setParameter("claim", claim)
                .setParameter("pending", WebhookDelivery.State.PENDING).getResultList().stream()
                .map(this::claimed).filter(c -> c != null).toList();
    }

    private Claimed claimed(WebhookDelivery delivery) {
        WebhookSubscription subscription = em.find(WebhookSubscription.class, delivery.getSubscriptionId());
        if (subscription == null) {
            return null;
        }
        String payload = delivery.isSealed() ? secrets.open(delivery.getPayload()) : delivery.getPayload();
        return new Claimed(delivery.getId(), delivery.getEventId(), payload, subscription.getUrl(),
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
        delivery.attemptFailed(clock.instant(), error, Duration.ofSeconds(retryBaseSeconds),
                Duration.ofSeconds(retryMaxSeconds), Duration.ofSeconds(retryHorizonSeconds));
        return delivery.getState() == WebhookDelivery.State.FAILED;
    }

    public long count(WebhookDelivery.State state) {
        return em.createNamedQuery(WebhookDelivery.COUNT_IN_STATE, Long.class).setParameter("state", state)
                .getSingleResult();
    }

    /** Deletes deliveries delivered before cutoff (failed ones stay for inspection); answers how many. */
    public int purgeDelivered(Instant cutoff) {
        return em.createNamedQuery(WebhookDelivery.PURGE_DELIVERED)
                .setParameter("delivered", WebhookDelivery.State.DELIVERED).setParameter("cutoff", cutoff).executeUpdate();
    }
}
