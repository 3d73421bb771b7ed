package org.opencommerce.customer.mail.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ready when the server's mail session names an SMTP host. An SMTP outage does not make the service unready: mails
 * wait in the outbox meanwhile (their number is in the check's data, or "unknown" while the database does not answer
 * within two seconds — the database check says why).
 */
@Readiness
@ApplicationScoped
public class MailReadiness implements HealthCheck {

    private static final int COUNT_SECONDS = 2;

    @Resource(lookup = "mail/customer")
    Session mailSession;

    @Resource
    ManagedExecutorService executor;

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
                .withData("queued", queued())
                .build();
    }

    private String queued() {
        Future<Long> count = executor.submit(store::countQueued);
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

    private static String firstSet(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
