package org.opencommerce.customer.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The service's own MicroProfile metrics (application scope of {@code /metrics}): password logins by result, signups,
 * token refreshes, and mails by delivery result. The number of queued mails is a gauge of {@code OutboxStore}.
 */
@ApplicationScoped
public class ServiceMetrics {

    @Inject
    MetricRegistry registry;

    private Counter loginsOk;
    private Counter loginsFailed;
    private Counter loginsThrottled;
    private Counter signups;
    private Counter refreshes;
    private Counter mailsSent;
    private Counter mailsFailed;
    private Counter webhooksDelivered;
    private Counter webhooksRetried;
    private Counter webhooksFailed;

    /** Registers the counters at application start, so that /metrics shows them (at 0) before the first event. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        // creating the bean is the point: @PostConstruct registers
    }

    @PostConstruct
    void register() {
        Metadata logins = Metadata.builder().withName("customer.logins")
                .withDescription("Password logins by result: ok, failed (wrong email or password), throttled").build();
        loginsOk = registry.counter(logins, new Tag("result", "ok"));
        loginsFailed = registry.counter(logins, new Tag("result", "failed"));
        loginsThrottled = registry.counter(logins, new Tag("result", "throttled"));
        signups = registry.counter(Metadata.builder().withName("customer.signups")
                .withDescription("Customers signed up").build());
        refreshes = registry.counter(Metadata.builder().withName("customer.token.refreshes")
                .withDescription("Customer token pairs renewed with a refresh token").build());
        Metadata mails = Metadata.builder().withName("customer.mails")
                .withDescription("Mail delivery attempts by result: sent, failed (queued again for a retry)").build();
        mailsSent = registry.counter(mails, new Tag("result", "sent"));
        mailsFailed = registry.counter(mails, new Tag("result", "failed"));
        Metadata webhooks = Metadata.builder().withName("customer.webhooks")
                .withDescription("Webhook delivery attempts by result: delivered (2xx), retried (queued again), "
                        + "failed (the retry horizon is over; kept for redelivery)").build();
        webhooksDelivered = registry.counter(webhooks, new Tag("result", "delivered"));
        webhooksRetried = registry.counter(webhooks, new Tag("result", "retried"));
        webhooksFailed = registry.counter(webhooks, new Tag("result", "failed"));
    }

    public void loginSucceeded() {
        loginsOk.inc();
    }

    public void loginFailed() {
        loginsFailed.inc();
    }

    public void loginThrottled() {
        loginsThrottled.inc();
    }

    public void signedUp() {
        signups.inc();
    }

    public void refreshed() {
        refreshes.inc();
    }

    public void mailSent() {
        mailsSent.inc();
    }

    public void mailFailed() {
        mailsFailed.inc();
    }

    public void webhookDelivered() {
        webhooksDelivered.inc();
    }

    public void webhookRetried() {
        webhooksRetried.inc();
    }

    public void webhookFailed() {
        webhooksFailed.inc();
    }
}
