package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-address limits on expensive unauthenticated calls (each costs a hash, a mail or rows): at most so many per
 * minute and address, counted in fixed one-minute windows in this node's memory (docs/decisions.md, "Throttling").
 * Beyond the limit: 429 with Retry-After. A limit of 0 is off.
 */
@ApplicationScoped
public class RateLimits {

    /**
     * Beyond this many tracked (limit, address) pairs, pairs of past windows are dropped, at most once a minute: a
     * sweep walks every pair, and when all of them are of the current minute it would find none to drop.
     */
    static final int TRACKED = 100_000;

    @Inject
    Clock clock;

    @Inject
    CurrentClient client;

    final Map<String, Window> windows = new ConcurrentHashMap<>();

    private final AtomicLong sweptMinute = new AtomicLong();

    /** Counts one call of kind from the caller's address; 429 when that makes more than perMinute this minute. */
    public void require(String kind, int perMinute) {
        if (perMinute <= 0) {
            return;
        }
        long minute = clock.millis() / 60_000;
        if (windows.size() > TRACKED && sweptMinute.getAndSet(minute) != minute) {
            windows.values().removeIf(window -> window.minute < minute);
        }
        Window window = windows.compute(kind + ' ' + client.address(),
                (key, current) -> current == null || current.minute != minute ? new Window(minute, 1) : current.next());
        if (window.count > perMinute) {
            long retryAfter = Math.max(1, (minute + 1) * 60 - clock.millis() / 1000);
            throw ApiException.tooManyRequests(retryAfter);
        }
    }

    record Window(long minute, int count) {
        Window next() {
            return new Window(minute, count + 1);
        }
    }
}
