package org.opencommerce.customer.events.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.ServiceMetrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers due webhook deliveries on a container timer: each claimed delivery is POSTed with the Standard Webhooks
 * headers, WEBHOOK_CONCURRENCY at a time on the server's managed executor, each bounded by WEBHOOK_TIMEOUT_SECONDS,
 * so a slow or dead receiver delays only its own deliveries. Any 2xx is delivered; anything else (or no answer) is
 * retried with doubling backoff until the retry horizon, then the delivery has failed (kept, redeliverable).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @Inject
    WebhookStore store;

    @Inject
    ServiceMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "WEBHOOK_POLL_MILLIS", defaultValue = "1000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "WEBHOOK_TIMEOUT_SECONDS", defaultValue = "5")
    long timeoutSeconds;

    @Inject
    @ConfigProperty(name = "WEBHOOK_CONCURRENCY", defaultValue = "4")
    int concurrency;

    private final AtomicBoolean running = new AtomicBoolean();
    private HttpClient http;

    @PostConstruct
    void schedule() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        timers.createIntervalTimer(pollMillis, pollMillis, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void deliverDue() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            List<WebhookStore.Claimed> due = store.claimDue();
            for (int from = 0; from < due.size(); from += concurrency) {
                CompletableFuture.allOf(due.subList(from, Math.min(from + concurrency, due.size())).stream()
                        .map(delivery -> CompletableFuture.runAsync(() -> deliver(delivery), executor))
                        .toArray(CompletableFuture[]::new)).join();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook delivery round failed; it will be tried again: " + e);
        } finally {
            running.set(false);
        }
    }

    private void deliver(WebhookStore.Claimed delivery) {
        String outcome;
        try {
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(Duration.ofSeconds(timeoutSeconds))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "customer-service-webhooks")
                    .header("webhook-id", delivery.eventId())
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature",
                            WebhookSignature.sign(delivery.secret(), delivery.eventId(), timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                store.markDelivered(delivery.id());
                metrics.webhookDelivered();
                return;
            }
            outcome = "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (store.markAttemptFailed(delivery.id(), outcome)) {
            metrics.webhookFailed();
            LOG.warning("Webhook delivery " + delivery.id() + " failed finally (" + outcome + "); kept for redelivery");
        } else {
            metrics.webhookRetried();
        }
    }
}
