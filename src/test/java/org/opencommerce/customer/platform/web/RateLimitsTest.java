package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.web.CurrentClient;
import org.opencommerce.customer.platform.web.RateLimits;
import org.opencommerce.customer.platform.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateLimitsTest {

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(String now) {
            this.now = Instant.parse(now);
        }

        void set(String time) {
            now = Instant.parse(time);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final MovingClock clock = new MovingClock("2026-01-01T12:00:15Z");
    private final CurrentClient client = new CurrentClient();
    private final RateLimits limits = new RateLimits();

    RateLimitsTest() {
        limits.clock = clock;
        limits.client = client;
        client.set("203.0.113.9");
    }

    private void calls(String kind, int perMinute, int times) {
        for (int i = 0; i < times; i++) {
            limits.require(kind, perMinute);
        }
    }

    @Test
    void require_upToTheLimit_passes_andTheNextCallIs429() {
        calls("signup", 3, 3);
        ApiException refused = assertThrows(ApiException.class, () -> limits.require("signup", 3));
        assertEquals(429, refused.status());
        assertEquals("too_many_requests", refused.type());
    }

    @Test
    void require_beyondTheLimit_retryAfterIsTheRestOfTheMinute() {
        calls("signup", 1, 1);
        assertEquals(45, assertThrows(ApiException.class, () -> limits.require("signup", 1)).retryAfterSeconds());
        clock.set("2026-01-01T12:00:59.900Z");
        assertEquals(1, assertThrows(ApiException.class, () -> limits.require("signup", 1)).retryAfterSeconds());
    }

    @Test
    void require_beyondTheLimit_retryAfterIsRoundedUp_soThatWaitingItIsNeverTooEarly() {
        clock.set("2026-01-01T12:00:15.500Z");
        calls("signup", 1, 1);
        assertEquals(45, assertThrows(ApiException.class, () -> limits.require("signup", 1)).retryAfterSeconds());
    }

    @Test
    void require_atTheStartOfAMinute_retryAfterIsTheWholeMinute() {
        clock.set("2026-01-01T12:01:00Z");
        calls("signup", 1, 1);
        assertEquals(60, assertThrows(ApiException.class, () -> limits.require("signup", 1)).retryAfterSeconds());
    }

    @Test
    void require_refusedCallsCountToo_untilTheMinuteEnds() {
        calls("signup", 2, 2);
        for (int i = 0; i < 5; i++) {
            assertThrows(ApiException.class, () -> limits.require("signup", 2));
        }
        clock.set("2026-01-01T12:01:00Z");
        assertDoesNotThrow(() -> calls("signup", 2, 2));
        assertThrows(ApiException.class, () -> limits.require("signup", 2));
    }

    @Test
    void require_windowsAreFixedClockMinutes_notSlidingOnes() {
        clock.set("2026-01-01T12:00:59Z");
        calls("signup", 2, 2);
        // one second later is a new minute: the full limit again, though both calls were a second ago
        clock.set("2026-01-01T12:01:00Z");
        assertDoesNotThrow(() -> calls("signup", 2, 2));
    }

    @Test
    void require_countsEachAddressApart() {
        calls("signup", 1, 1);
        client.set("198.51.100.7");
        assertDoesNotThrow(() -> limits.require("signup", 1));
        assertThrows(ApiException.class, () -> limits.require("signup", 1));
    }

    @Test
    void require_countsEachKindApart() {
        calls("signup", 1, 1);
        assertDoesNotThrow(() -> limits.require("password-reset", 1));
        assertThrows(ApiException.class, () -> limits.require("signup", 1));
    }

    @Test
    void require_beyondTheTrackedPairs_dropsThoseOfPastMinutes_andKeepsTheCurrentCounts() {
        for (int i = 0; i <= RateLimits.TRACKED; i++) {
            client.set("a" + i);
            limits.require("signup", 1);
        }
        // over the bound within the minute: nothing is past, the counts stay
        client.set("a0");
        assertThrows(ApiException.class, () -> limits.require("signup", 1));
        assertEquals(RateLimits.TRACKED + 1, limits.windows.size());

        clock.set("2026-01-01T12:01:00Z");
        limits.require("signup", 1);
        assertEquals(1, limits.windows.size());
    }

    @Test
    void require_withLimit0_isOff() {
        assertDoesNotThrow(() -> calls("anonymous-login", 0, 1000));
        assertDoesNotThrow(() -> calls("anonymous-login", -1, 10));
    }
}
