package org.opencommerce.customer.token.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The session layer's metrics ({@code /metrics}, application scope): password logins by result and token refreshes. */
@ApplicationScoped
public class LoginMetrics {

    @Inject
    MetricRegistry registry;

    private Counter succeeded;
    private Counter failed;
    private Counter throttled;
    private Counter refreshes;

    /** Registers the counters at application start, so that /metrics shows them (at 0) before the first login. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        // creating the bean is the point: @PostConstruct registers
    }

    @PostConstruct
    void register() {
        Metadata logins = Metadata.builder().withName("customer.logins")
                .withDescription("Password logins by result: ok, failed (wrong email or password), throttled").build();
        succeeded = registry.counter(logins, new Tag("result", "ok"));
        failed = registry.counter(logins, new Tag("result", "failed"));
        throttled = registry.counter(logins, new Tag("result", "throttled"));
        refreshes = registry.counter(Metadata.builder().withName("customer.token.refreshes")
                .withDescription("Customer token pairs renewed with a refresh token").build());
    }

    public void loginSucceeded() {
        succeeded.inc();
    }

    public void loginFailed() {
        failed.inc();
    }

    public void loginThrottled() {
        throttled.inc();
    }

    public void refreshed() {
        refreshes.inc();
    }
}
