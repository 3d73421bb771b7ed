package org.opencommerce.customer.platform.cluster;

import org.opencommerce.customer.platform.cluster.Invalidated;
import org.opencommerce.customer.platform.cluster.InvalidatedCache;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvalidatedCacheTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void keepsWhatItLoaded_untilInvalidated() {
        InvalidatedCache<String, String> cache = new InvalidatedCache<>(10, HOUR);
        AtomicInteger loads = new AtomicInteger();
        assertEquals("v1", cache.get("k", true, k -> "v" + loads.incrementAndGet()));
        assertEquals("v1", cache.get("k", true, k -> "v" + loads.incrementAndGet()));
        cache.invalidate("k");
        assertEquals("v2", cache.get("k", true, k -> "v" + loads.incrementAndGet()));
        cache.invalidateIf("v2"::equals);
        assertEquals("v3", cache.get("k", true, k -> "v" + loads.incrementAndGet()));
        cache.invalidateAll();
        assertEquals("v4", cache.get("k", true, k -> "v" + loads.incrementAndGet()));
    }

    @Test
    void aValueLoadedWhileAnInvalidationWasApplied_isAnsweredButNotKept() {
        InvalidatedCache<String, String> cache = new InvalidatedCache<>(10, HOUR);
        assertEquals("stale", cache.get("k", true, k -> {
            cache.invalidate("k");
            return "stale";
        }));
        assertEquals(0, cache.size());
        assertEquals("fresh", cache.get("k", true, k -> "fresh"));
        assertEquals(1, cache.size());
    }

    @Test
    void aValueLoadedWhileAnyInvalidationWasApplied_isNotKept() {
        InvalidatedCache<String, String> cache = new InvalidatedCache<>(10, HOUR);
        cache.get("k", true, k -> {
            cache.invalidateIf(v -> false);
            return "stale";
        });
        cache.get("k", true, k -> {
            cache.invalidateAll();
            return "stale";
        });
        assertEquals(0, cache.size());
    }

    /** Loads race invalidations on other threads: whatever a load began before the last invalidation is gone after it. */
    @Test
    void underConcurrentInvalidations_noValueLoadedBeforeTheLastOneIsKept() throws Exception {
        InvalidatedCache<Integer, Long> cache = new InvalidatedCache<>(1000, HOUR);
        AtomicLong database = new AtomicLong();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                cache.invalidateAll();
                CountDownLatch start = new CountDownLatch(1);
                Future<?>[] reads = new Future<?>[4];
                for (int r = 0; r < reads.length; r++) {
                    reads[r] = readers.submit(() -> {
                        start.await();
                        for (int i = 0; i < 50; i++) {
                            cache.get(i % 5, true, k -> {
                                long read = database.get();
                                Thread.yield();
                                return read;
                            });
                        }
                        return null;
                    });
                }
                start.countDown();
                long written = database.incrementAndGet();
                cache.invalidateAll();
                for (Future<?> read : reads) {
                    read.get(10, TimeUnit.SECONDS);
                }
                for (int k = 0; k < 5; k++) {
                    long answered = cache.get(k, true, key -> database.get());
                    assertEquals(written, answered, "round " + round + ", key " + k);
                }
            }
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void aCacheKeyedByTenant_forgetsThatTenantOnly_andEverythingOnAll() {
        InvalidatedCache<String, String> cache = new InvalidatedCache<>(10, HOUR);
        cache.get("shop", true, k -> "settings of shop");
        cache.get("other", true, k -> "settings of other");
        cache.apply(new Invalidated(Invalidated.Kind.GRANT, "shop"), Invalidated.Kind.TENANT);
        assertEquals(2, cache.size());
        cache.apply(new Invalidated(Invalidated.Kind.TENANT, "shop"), Invalidated.Kind.TENANT);
        assertEquals(1, cache.size());
        cache.apply(new Invalidated(Invalidated.Kind.ALL, ""), Invalidated.Kind.TENANT);
        assertEquals(0, cache.size());
    }

    @Test
    void withoutACurrentLog_nothingIsKept() {
        InvalidatedCache<String, String> cache = new InvalidatedCache<>(10, HOUR);
        cache.get("k", false, k -> "v");
        assertEquals(0, cache.size());
    }

    @Test
    void nothingIsKeptForAnAbsentValue() {
        InvalidatedCache<String, String> cache = new InvalidatedCache<>(10, HOUR);
        AtomicInteger loads = new AtomicInteger();
        cache.get("k", true, k -> {
            loads.incrementAndGet();
            return null;
        });
        cache.get("k", true, k -> {
            loads.incrementAndGet();
            return null;
        });
        assertEquals(2, loads.get());
        assertEquals(0, cache.size());
    }

    @Test
    void isBounded() {
        InvalidatedCache<Integer, Integer> cache = new InvalidatedCache<>(3, HOUR);
        for (int i = 0; i < 10; i++) {
            cache.get(i, true, k -> k);
        }
        assertTrue(cache.size() <= 3, "size " + cache.size());
    }

    /** The home-made map it replaces started over when full: above its capacity every request was a miss. */
    @Test
    void aFullCache_evictsSomeEntries_notAll() {
        InvalidatedCache<Integer, Integer> cache = new InvalidatedCache<>(100, HOUR);
        for (int i = 0; i < 150; i++) {
            cache.get(i, true, k -> k);
        }
        assertEquals(100, cache.size());
    }

    @Test
    void aFullCache_keepsAnEntryInUse_overOnesAskedForOnce() {
        InvalidatedCache<Integer, Integer> cache = new InvalidatedCache<>(100, HOUR);
        AtomicInteger hotLoads = new AtomicInteger();
        for (int i = 0; i < 1000; i++) {
            cache.get(-1, true, k -> hotLoads.incrementAndGet());
            cache.get(i, true, k -> k);
        }
        assertEquals(1, hotLoads.get());
    }

    @Test
    void anEntryIsReadAgain_afterItsTimeToLive() {
        AtomicLong nanos = new AtomicLong();
        InvalidatedCache<String, String> cache = new InvalidatedCache<>(10, HOUR, nanos::get);
        AtomicInteger loads = new AtomicInteger();
        cache.get("k", true, k -> "v" + loads.incrementAndGet());
        nanos.addAndGet(HOUR.minusSeconds(1).toNanos());
        assertEquals("v1", cache.get("k", true, k -> "v" + loads.incrementAndGet()));
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals("v2", cache.get("k", true, k -> "v" + loads.incrementAndGet()));
    }
}
