package org.opencommerce.customer.webhooks.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.webhooks.entity.WebhookSubscription;
import org.opencommerce.customer.platform.cluster.Invalidated;
import org.opencommerce.customer.platform.cluster.InvalidatedCache;
import org.opencommerce.customer.platform.cluster.Invalidations;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The event types that some enabled webhook subscription of a tenant wants (an immutable set, safe to share between
 * threads), asked on every event (logins and refreshes among them), from
 * memory, so that a tenant without subscribers pays no read: a change through the admin API applies at once on its
 * node and within INVALIDATION_POLL_MILLIS elsewhere (a subscription made on another node gets the events from then).
 */
@ApplicationScoped
public class SubscriptionCache {

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    Invalidations invalidations;

    /** Re-read once in a while even when no invalidation came (six reads per tenant an hour). */
    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    @Inject
    @ConfigProperty(name = "TENANT_CACHE_SIZE", defaultValue = "1000")
    int capacity;

    private InvalidatedCache<String, Set<String>> wanted;

    @PostConstruct
    void init() {
        wanted = new InvalidatedCache<>(capacity, TIME_TO_LIVE);
    }

    /** Whether some enabled subscription of the tenant wants events of this type. */
    boolean anyWants(String tenant, String eventType) {
        return wanted.get(tenant, invalidations.current(), this::wantedOf).contains(eventType);
    }

    private Set<String> wantedOf(String tenant) {
        return subscriptions.enabledOf(tenant).stream().map(WebhookSubscription::getEventTypes)
                .flatMap(Collection::stream).collect(Collectors.toUnmodifiableSet());
    }

    void apply(@Observes(notifyObserver = Reception.IF_EXISTS, during = TransactionPhase.AFTER_SUCCESS) Invalidated change) {
        wanted.apply(change, Invalidated.Kind.TENANT);
    }
}
