package org.opencommerce.customer.platform.data;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Counts of rows for a health check's data that never hold the check up: "unknown" at once while the database
 * refuses this node ({@link DatabaseAvailability}), and when the count takes longer than two seconds.
 */
@ApplicationScoped
public class HealthCounts {

    private static final int COUNT_SECONDS = 2;

    @Resource
    ManagedExecutorService executor;

    @Inject
    DatabaseAvailability availability;

    public String count(Callable<Long> count) {
        if (availability.refusing()) {
            return "unknown";
        }
        Future<Long> counting = executor.submit(count);
        try {
            return String.valueOf(counting.get(COUNT_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException | ExecutionException e) {
            counting.cancel(true);
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
