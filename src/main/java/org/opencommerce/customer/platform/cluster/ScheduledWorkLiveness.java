package org.opencommerce.customer.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import java.util.Map;

/**
 * Live while every periodic work's timer is scheduled: a node without them would queue mails and webhooks for ever,
 * never purge and never see other nodes' revocations.
 */
@Liveness
@ApplicationScoped
public class ScheduledWorkLiveness implements HealthCheck {

    @Inject
    ScheduledWork work;

    @Override
    public HealthCheckResponse call() {
        Map<String, Boolean> scheduled = work.scheduled();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("scheduled-work")
                .status(!scheduled.isEmpty() && !scheduled.containsValue(false));
        scheduled.forEach(response::withData);
        return response.build();
    }
}
