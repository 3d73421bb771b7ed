package org.opencommerce.customer.signup.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** The sign-up's metric ({@code /metrics}, application scope): customers signed up. */
@ApplicationScoped
public class SignupMetrics {

    @Inject
    MetricRegistry registry;

    private Counter signups;

    /** Registers the counter at application start, so that /metrics shows it (at 0) before the first sign-up. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        // creating the bean is the point: @PostConstruct registers
    }

    @PostConstruct
    void register() {
        signups = registry.counter(Metadata.builder().withName("customer.signups")
                .withDescription("Customers signed up").build());
    }

    public void signedUp() {
        signups.inc();
    }
}
