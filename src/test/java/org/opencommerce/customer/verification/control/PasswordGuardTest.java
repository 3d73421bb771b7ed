package org.opencommerce.customer.verification.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PasswordGuardTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theFreeAttempts_lockNothing() {
        for (int failures = 1; failures < 5; failures++) {
            assertNull(PasswordGuard.lockEnd(failures, 5, 30, 900, NOW));
        }
    }

    @Test
    void eachFailurePastTheFreeAttempts_doublesTheLock_upToTheMaximum() {
        assertEquals(NOW.plusSeconds(30), PasswordGuard.lockEnd(5, 5, 30, 900, NOW));
        assertEquals(NOW.plusSeconds(60), PasswordGuard.lockEnd(6, 5, 30, 900, NOW));
        assertEquals(NOW.plusSeconds(480), PasswordGuard.lockEnd(9, 5, 30, 900, NOW));
        assertEquals(NOW.plusSeconds(900), PasswordGuard.lockEnd(10, 5, 30, 900, NOW));
        assertEquals(NOW.plusSeconds(900), PasswordGuard.lockEnd(5_000, 5, 30, 900, NOW), "never longer than the maximum");
    }
}
