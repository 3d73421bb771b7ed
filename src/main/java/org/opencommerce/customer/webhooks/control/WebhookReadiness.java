package org.opencommerce.customer.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.opencommerce.customer.webhooks.entity.WebhookDelivery;
import org.opencommerce.customer.platform.data.HealthCounts;

/**
 * The webhook backlog in the readiness data: deliveries pending and finally failed. A receiver that is down never
 * makes the service unready (its events wait); "unknown" while the database does not answer within two seconds.
 */
@Readiness
@ApplicationScoped
public class WebhookReadiness implements HealthCheck {

    @Inject
    HealthCounts counts;

    @Inject
    WebhookStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("webhooks").up()
                .withData("pending", count(WebhookDelivery.State.PENDING))
                .withData("failed", count(WebhookDelivery.State.FAILED))
                .build();
    }

    private String count(WebhookDelivery.State state) {
        return counts.count(() -> store.count(state));
    }
}
