package org.opencommerce.customer.platform.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an outbox entry whose delivery failed is tried again: after base, 2 base, 4 base, … at most max; and, with a
 * horizon, not at all once the next attempt would fall after horizon since the entry was queued.
 */
public record Backoff(Duration base, Duration max, Duration horizon) {

    /** Tried again for as long as it takes. */
    public static Backoff untilDone(Duration base, Duration max) {
        return new Backoff(base, max, null);
    }

    /** When to try again after the given number of failed attempts; empty once the horizon is over. */
    public Optional<Instant> next(int failedAttempts, Instant now, Instant queuedAt) {
        Duration delay = base.multipliedBy(1L << Math.min(Math.max(failedAttempts, 1) - 1, 20));
        Instant next = now.plus(delay.compareTo(max) > 0 ? max : delay);
        return horizon != null && next.isAfter(queuedAt.plus(horizon)) ? Optional.empty() : Optional.of(next);
    }
}
