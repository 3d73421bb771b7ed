package org.opencommerce.customer.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the outbox delivery timer is scheduled: a node without it would queue mails forever. */
@Liveness
@ApplicationScoped
public class OutboxLiveness implements HealthCheck {

    @Inject
    OutboxSender sender;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox-sender").status(sender.isScheduled()).build();
    }
}
