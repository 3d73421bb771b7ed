package org.opencommerce.customer.profile.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginAccountTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final LoginAccount account = new LoginAccount(new Customer("demo", NOW), "Jo@Example.COM ", "hash", NOW);

    @Test
    void email_isStoredLowerCaseAndTrimmed() {
        assertEquals("jo@example.com", account.getEmail());
    }

    @Test
    void freeAttempts_doNotLock() {
        for (int i = 0; i < 4; i++) {
            account.recordFailedLogin(NOW, 5, 30, 900);
        }
        assertFalse(account.isLockedAt(NOW));
    }

    @Test
    void eachFailurePastTheFreeAttempts_doublesTheLockUpToTheMaximum() {
        for (int i = 0; i < 5; i++) {
            account.recordFailedLogin(NOW, 5, 30, 900);
        }
        assertTrue(account.isLockedAt(NOW.plusSeconds(29)));
        assertFalse(account.isLockedAt(NOW.plusSeconds(30)));
        account.recordFailedLogin(NOW, 5, 30, 900);
        assertTrue(account.isLockedAt(NOW.plusSeconds(59)));
        for (int i = 0; i < 30; i++) {
            account.recordFailedLogin(NOW, 5, 30, 900);
        }
        assertTrue(account.isLockedAt(NOW.plusSeconds(899)));
        assertFalse(account.isLockedAt(NOW.plusSeconds(900)), "never locked for longer than the maximum");
    }

    @Test
    void success_clearsTheCounterAndTheLock() {
        for (int i = 0; i < 6; i++) {
            account.recordFailedLogin(NOW, 5, 30, 900);
        }
        account.recordSuccessfulLogin(NOW);
        assertEquals(0, account.getFailedLogins());
        assertFalse(account.isLockedAt(NOW));
        assertEquals(NOW, account.getLastLogin());
    }
}
