package org.opencommerce.customer.webhooks.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.opencommerce.customer.platform.cluster.PeriodicWork;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers due webhook deliveries: each is POSTed with the Standard Webhooks headers on the server's managed executor,
 * bounded by WEBHOOK_TIMEOUT_SECONDS, in one of WEBHOOK_CONCURRENCY slots, one lane per subscription (DeliveryLanes):
 * a subscription's next delivery is claimed only when its last one has been answered, and a free slot is filled at
 * once (when a delivery finishes) or by the poll timer, so a slow or dead receiver delays only its own deliveries. The
 * target is checked again before each delivery, on the addresses its host resolves to now (WebhookTargets). Any 2xx
 * is delivered; anything else (or no answer, or a refused target) is retried with doubling backoff until the retry
 * horizon, then the delivery has failed (kept, redeliverable). The webhook channel of the outbox, as
 * {@code OutboxSender} is its mail channel.
 */
@ApplicationScoped
public class WebhookSender implements PeriodicWork {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    WebhookStore store;

    @Inject
    WebhookTargets targets;

    @Inject
    MetricRegistry registry;

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

    /** Held by the one thread that claims for the free slots; another that wants a round asks it for one more. */
    private final ReentrantLock claiming = new ReentrantLock();
    private final AtomicBoolean roundWanted = new AtomicBoolean();
    private DeliveryLanes lanes;
    private HttpClient http;

    private Counter delivered;
    private Counter retried;
    private Counter failed;

    /** Registers the webhook metrics (at start, when the work is scheduled, so that /metrics shows them at 0). */
    @PostConstruct
    void start() {
        Metadata webhooks = Metadata.builder().withName("customer.webhooks")
                .withDescription("Webhook delivery attempts by result: delivered (2xx), retried (queued again), "
                        + "failed (the retry horizon is over; kept for redelivery)").build();
        delivered = registry.counter(webhooks, new Tag("result", "delivered"));
        retried = registry.counter(webhooks, new Tag("result", "retried"));
        failed = registry.counter(webhooks, new Tag("result", "failed"));
        lanes = new DeliveryLanes(concurrency);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(pollMillis);
    }

    /** The poll: fills the slots that no finished delivery has filled. */
    @Override
    public void run() {
        fillFreeSlots();
    }

    /**
     * Claims due deliveries for the free slots and starts them. Never waits for a delivery: a caller that finds
     * another claiming leaves the round to that one, which runs one more round for it.
     */
    private void fillFreeSlots() {
        roundWanted.set(true);
        while (roundWanted.get() && claiming.tryLock()) {
            try {
                roundWanted.set(false);
                startDue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Claiming webhook deliveries failed; it will be tried again: " + e);
            } finally {
                claiming.unlock();
            }
        }
    }

    private void startDue() {
        int wanted = lanes.headsWanted();
        if (wanted == 0) {
            return;
        }
        List<WebhookStore.Due> chosen = lanes.choose(store.dueHeads(wanted));
        if (chosen.isEmpty()) {
            return;
        }
        List<WebhookStore.Claimed> claimed;
        try {
            claimed = store.claim(chosen.stream().map(WebhookStore.Due::id).toList());
        } catch (RuntimeException e) {
            chosen.forEach(due -> lanes.release(due.subscriptionId()));
            throw e;
        }
        Set<Long> started = new HashSet<>();
        try {
            for (WebhookStore.Claimed delivery : claimed) {
                try {
                    executor.execute(() -> send(delivery));
                    started.add(delivery.id());
                } catch (RejectedExecutionException e) {
                    LOG.warning("Webhook delivery " + delivery.id() + " not started (" + e + "); given back");
                    store.release(delivery.id());
                }
            }
        } finally {
            // the lanes of deliveries not started (claimed elsewhere, refused by the executor) are free again; a
            // claim that could not be given back lapses
            chosen.stream().filter(due -> !started.contains(due.id()))
                    .forEach(due -> lanes.release(due.subscriptionId()));
        }
    }

    /** Sends one delivery in its lane, then fills the slot it leaves. */
    private void send(WebhookStore.Claimed delivery) {
        try {
            lanes.finished(delivery.subscriptionId(), deliver(delivery));
        } catch (RuntimeException e) {
            lanes.release(delivery.subscriptionId());
            LOG.log(Level.WARNING, "Webhook delivery " + delivery.id() + " not recorded; its claim lapses: " + e);
        }
        fillFreeSlots();
    }

    /** Sends the delivery and records the answer; answers whether it was delivered. */
    private boolean deliver(WebhookStore.Claimed delivery) {
        String outcome;
        try {
            URI target = URI.create(delivery.url());
            Optional<String> refusal = targets.refusal(target, true);
            if (refusal.isPresent()) {
                outcome = refusal.get();
            } else {
                long timestamp = clock.instant().getEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(target)
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
                    delivered.inc();
                    return true;
                }
                outcome = "HTTP " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (store.markAttemptFailed(delivery.id(), outcome)) {
            failed.inc();
            LOG.warning("Webhook delivery " + delivery.id() + " failed finally (" + outcome + "); kept for redelivery");
        } else {
            retried.inc();
        }
        return false;
    }
}
