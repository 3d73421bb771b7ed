package org.opencommerce.customer.platform;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvalidatedCacheTest {

    @Test
    void keepsWhatItLoaded_untilInvalidated() {
        InvalidatedCache<String, String> cache = new InvalidatedCache<>(10);
        AtomicInteger loads = new AtomicInteger();
        assertEquals("v1", cache.get("k", true, k -> "v" + loads.incrementAndGet()));
        assertEquals("v1", cache.get("k", true, k -> "v" + loads.incrementAndGet()));
        cache.invalidate("k");
        assertEquals("v2", cache.get("k", true, k -> "v" + loads.incrementAndGet()));
        cache.invalidateIf("v2"::equals);
        assertEquals("v3", cache.get("k", true, k -> "v" + loads.incrementAndGet()));
    }

    @Test
    void aValueLoadedWhileAnInvalidationWasApplied_isAnsweredButNotKept() {
        InvalidatedCache<String, String> cache = new InvalidatedCache<>(10);
        assertEquals("stale", cache.get("k", true, k -> {
            cache.invalidate("k");
            return "stale";
        }));
        assertEquals(0, cache.size());
        assertEquals("fresh", cache.get("k", true, k -> "fresh"));
        assertEquals(1, cache.size());
    }

    @Test
    void aCacheKeyedByTenant_forgetsThatTenantOnly_andEverythingOnAll() {
        InvalidatedCache<String, String> cache = new InvalidatedCache<>(10);
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
        InvalidatedCache<String, String> cache = new InvalidatedCache<>(10);
        cache.get("k", false, k -> "v");
        assertEquals(0, cache.size());
    }

    @Test
    void isBounded() {
        InvalidatedCache<Integer, Integer> cache = new InvalidatedCache<>(3);
        for (int i = 0; i < 10; i++) {
            cache.get(i, true, k -> k);
        }
        assertTrue(cache.size() <= 3, "size " + cache.size());
    }
}
