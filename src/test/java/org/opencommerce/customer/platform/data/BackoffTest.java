package org.opencommerce.customer.platform.data;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    private static final Instant QUEUED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theDelayDoublesFromTheBase_upToTheMax() {
        Backoff backoff = Backoff.untilDone(Duration.ofSeconds(15), Duration.ofSeconds(100));
        Instant now = QUEUED.plusSeconds(1000);
        assertEquals(Optional.of(now.plusSeconds(15)), backoff.next(1, now, QUEUED));
        assertEquals(Optional.of(now.plusSeconds(30)), backoff.next(2, now, QUEUED));
        assertEquals(Optional.of(now.plusSeconds(60)), backoff.next(3, now, QUEUED));
        assertEquals(Optional.of(now.plusSeconds(100)), backoff.next(4, now, QUEUED));
        assertEquals(Optional.of(now.plusSeconds(100)), backoff.next(500, now, QUEUED), "no overflow after many attempts");
    }

    @Test
    void withoutAHorizon_itNeverGivesUp() {
        Backoff backoff = Backoff.untilDone(Duration.ofSeconds(1), Duration.ofSeconds(2));
        Instant muchLater = QUEUED.plus(Duration.ofDays(3650));
        assertEquals(Optional.of(muchLater.plusSeconds(2)), backoff.next(40, muchLater, QUEUED));
    }

    @Test
    void withAHorizon_itGivesUpOnceTheNextAttemptWouldFallAfterIt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(3600), Duration.ofSeconds(100));
        assertEquals(Optional.of(QUEUED.plusSeconds(90)), backoff.next(1, QUEUED.plusSeconds(80), QUEUED));
        assertEquals(Optional.of(QUEUED.plusSeconds(100)), backoff.next(1, QUEUED.plusSeconds(90), QUEUED));
        assertEquals(Optional.empty(), backoff.next(1, QUEUED.plusSeconds(91), QUEUED));
    }
}
