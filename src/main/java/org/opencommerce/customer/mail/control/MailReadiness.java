package org.opencommerce.customer.mail.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.opencommerce.customer.platform.data.HealthCounts;

/**
 * Ready when the server's mail session names an SMTP host. An SMTP outage does not make the service unready: mails
 * wait in the outbox meanwhile (their number is in the check's data, or "unknown" while the database does not answer
 * within two seconds — the database check says why).
 */
@Readiness
@ApplicationScoped
public class MailReadiness implements HealthCheck {

    @Resource(lookup = "mail/customer")
    Session mailSession;

    @Inject
    HealthCounts counts;

    @Inject
    OutboxStore store;

    @Override
    public HealthCheckResponse call() {
        String host = firstSet(mailSession.getProperty("mail.smtp.host"), mailSession.getProperty("mail.host"));
        String port = firstSet(mailSession.getProperty("mail.smtp.port"), "25");
        return HealthCheckResponse.named("mail")
                .status(host != null)
                .withData("host", host == null ? "(not configured)" : host)
                .withData("port", port)
                .withData("queued", counts.count(store::countQueued))
                .build();
    }

    private static String firstSet(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
