package org.opencommerce.customer.events.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.opencommerce.customer.events.entity.WebhookDelivery;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The webhook backlog in the readiness data: deliveries pending and finally failed. A receiver that is down never
 * makes the service unready (its events wait); "unknown" while the database does not answer within two seconds.
 */
@Readiness
@ApplicationScoped
public class WebhookReadiness implements HealthCheck {

    private static final int COUNT_SECONDS = 2;

    @Resource
    ManagedExecutorService executor;

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
        Future<Long> count = executor.submit(() -> store.count(state));
        try {
            return String.valueOf(count.get(COUNT_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException | ExecutionException e) {
            count.cancel(true);
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
