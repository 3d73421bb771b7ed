package org.opencommerce.customer.webhooks.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.opencommerce.customer.platform.data.Backoff;
import org.opencommerce.customer.platform.data.OutboxEntry;

import java.time.Instant;

/**
 * One event for one subscription. Written in the transaction of the change it tells about, so a rolled-back change
 * emits nothing and a committed one is never forgotten. Deliveries with the same order key (the customer) for the
 * same subscription go out in the order they were written: one is due only when no earlier one is still pending. A
 * subscription has at most one delivery claimed at a time (its lane): the due heads exclude subscriptions with one
 * in flight, and offer at most one delivery per subscription.
 */
@Entity
@Table(name = "webhook_delivery")
@Cacheable(false)
@NamedQuery(name = WebhookDelivery.BY_ID,
        query = "SELECT d FROM WebhookDelivery d WHERE d.subscriptionId = :subscription AND d.id = :id")
@NamedQuery(name = WebhookDelivery.DUE_HEADS, query = "SELECT MIN(d.id) AS head, d.subscriptionId "
        + "FROM WebhookDelivery d WHERE d.state = :pending "
        + "AND d.nextAttemptAt <= :now AND (d.claimedUntil IS NULL OR d.claimedUntil < :now) "
        + "AND NOT EXISTS (SELECT e FROM WebhookDelivery e WHERE e.subscriptionId = d.subscriptionId "
        + "AND e.orderKey = d.orderKey AND e.state = :pending AND e.id < d.id) "
        + "AND NOT EXISTS (SELECT c FROM WebhookDelivery c WHERE c.subscriptionId = d.subscriptionId "
        + "AND c.state = :pending AND c.claimedUntil >= :now) "
        + "GROUP BY d.subscriptionId ORDER BY head")
@NamedQuery(name = WebhookDelivery.CLAIM, query = "UPDATE WebhookDelivery d SET d.claimId = :claim, "
        + "d.claimedUntil = :until WHERE d.id IN :ids AND d.state = :pending "
        + "AND (d.claimedUntil IS NULL OR d.claimedUntil < :now)")
@NamedQuery(name = WebhookDelivery.CLAIMED,
        query = "SELECT d FROM WebhookDelivery d WHERE d.claimId = :claim AND d.state = :pending ORDER BY d.id")
@NamedQuery(name = WebhookDelivery.COUNT_IN_STATE, query = "SELECT COUNT(d) FROM WebhookDelivery d WHERE d.state = :state")
@NamedQuery(name = WebhookDelivery.OF_SUBSCRIPTION, query = "SELECT d FROM WebhookDelivery d "
        + "WHERE d.subscriptionId = :subscription AND d.state = :state ORDER BY d.id DESC")
@NamedNativeQuery(name = WebhookDelivery.PURGE_DELIVERED,
        query = "DELETE FROM webhook_delivery WHERE state = 'DELIVERED' AND finished_at < ?1 LIMIT ?2")
public class WebhookDelivery extends OutboxEntry {

    /** A delivery of one subscription, found through it. */
    public static final String BY_ID = "WebhookDelivery.byId";
    public static final String DUE_HEADS = "WebhookDelivery.dueHeads";
    public static final String CLAIM = "WebhookDelivery.claim";
    public static final String CLAIMED = "WebhookDelivery.claimed";
    public static final String COUNT_IN_STATE = "WebhookDelivery.countInState";
    public static final String OF_SUBSCRIPTION = "WebhookDelivery.ofSubscription";
    public static final String PURGE_DELIVERED = "WebhookDelivery.purgeDelivered";

    /** PENDING until a 2xx (DELIVERED) or until the retry horizon is over (FAILED, kept for redelivery). */
    public enum State { PENDING, DELIVERED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subscription_id", nullable = false)
    private String subscriptionId;

    @Column(nullable = false)
    private String tenant;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "order_key", nullable = false)
    private String orderKey;

    /** The JSON body, or, when sealed (it carries a mailed token), that body sealed with the data key. */
    @Column(nullable = false)
    private String payload;

    @Column(nullable = false)
    private boolean sealed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state = State.PENDING;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(WebhookSubscription subscription, String eventId, String eventType, String orderKey,
                           String payload, boolean sealed, Instant createdAt) {
        super(createdAt);
        this.subscriptionId = subscription.getId();
        this.tenant = subscription.getTenant();
        this.eventId = eventId;
        this.eventType = eventType;
        this.orderKey = orderKey;
        this.payload = payload;
        this.sealed = sealed;
    }

    public void delivered(Instant now) {
        state = State.DELIVERED;
        finishedAt = now;
        attemptSucceeded();
    }

    /** A failed attempt: due again after the backoff, unless its retry horizon is over; then it has finally failed. */
    public void attemptFailed(Instant now, String error, Backoff backoff) {
        if (!retryLater(now, error, backoff)) {
            state = State.FAILED;
            finishedAt = now;
        }
    }

    /** Back into the queue (manual redelivery): due now, with a new retry horizon. */
    public void redeliver(Instant now) {
        state = State.PENDING;
        finishedAt = null;
        requeue(now);
    }

    public Long getId() {
        return id;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public String getTenant() {
        return tenant;
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getPayload() {
        return payload;
    }

    public boolean isSealed() {
        return sealed;
    }

    public State getState() {
        return state;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
