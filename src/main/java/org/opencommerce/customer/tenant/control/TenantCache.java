package org.opencommerce.customer.tenant.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.cluster.Invalidated;
import org.opencommerce.customer.platform.cluster.InvalidatedCache;
import org.opencommerce.customer.platform.cluster.Invalidations;

import java.time.Duration;
import java.util.function.Function;

/**
 * Tenants' settings and storefront clients as the database last said, kept true by the invalidation log: an admin
 * change applies at once on the node that made it and within INVALIDATION_POLL_MILLIS on the others.
 */
@ApplicationScoped
public class TenantCache {

    @Inject
    Invalidations invalidations;

    /** Re-read once in a while even when no invalidation came (six reads per tenant an hour). */
    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    @Inject
    @ConfigProperty(name = "TENANT_CACHE_SIZE", defaultValue = "1000")
    int capacity;

    private InvalidatedCache<String, TenantConfig> configs;

    @PostConstruct
    void init() {
        configs = new InvalidatedCache<>(capacity, TIME_TO_LIVE);
    }

    TenantConfig get(String name, Function<String, TenantConfig> load) {
        return configs.get(name, invalidations.current(), load);
    }

    void apply(@Observes(notifyObserver = Reception.IF_EXISTS, during = TransactionPhase.AFTER_SUCCESS) Invalidated change) {
        configs.apply(change, Invalidated.Kind.TENANT);
    }
}
