package org.opencommerce.customer.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Reads the invalidation log every INVALIDATION_POLL_MILLIS ({@link Invalidations#poll}). */
@ApplicationScoped
public class InvalidationPoll implements PeriodicWork {

    @Inject
    Invalidations invalidations;

    @Inject
    @ConfigProperty(name = "INVALIDATION_POLL_MILLIS", defaultValue = "250")
    long pollMillis;

    @Override
    public String name() {
        return "invalidation-log";
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(pollMillis);
    }

    @Override
    public void run() {
        invalidations.poll();
    }
}
