package org.opencommerce.customer.platform;

import jakarta.enterprise.concurrent.ManagedExecutorService;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A count for a health check's data that never holds the check up: "unknown" when it takes longer than allowed. */
public final class BoundedCounts {

    private BoundedCounts() {
    }

    public static String within(ManagedExecutorService executor, int seconds, Callable<Long> count) {
        Future<Long> counting = executor.submit(count);
        try {
            return String.valueOf(counting.get(seconds, TimeUnit.SECONDS));
        } catch (TimeoutException | ExecutionException e) {
            counting.cancel(true);
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
