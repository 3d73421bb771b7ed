package org.opencommerce.customer.verification.control;

import org.opencommerce.customer.verification.entity.Password;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project's hasher as the service configures it (small parameters here, to keep the test fast). */
class PasswordHasherTest {

    private static PasswordHasher hasher(int iterations, int memoryKib) {
        PasswordHasher hasher = new PasswordHasher();
        hasher.iterations = iterations;
        hasher.memoryKib = memoryKib;
        hasher.parallelism = 1;
        hasher.concurrency = 1;
        hasher.init();
        return hasher;
    }

    @Test
    void hash_isArgon2idWithTheConfiguredParameters() {
        String hash = hasher(2, 1024).hash(new Password("correct horse")).value();
        assertTrue(hash.startsWith("$shiro2$argon2id$v=19$t=2,m=1024,p=1$"), hash);
    }

    @Test
    void hash_isSaltedSoTheSamePasswordHashesDifferently() {
        PasswordHasher hasher = hasher(1, 1024);
        assertNotEquals(hasher.hash(new Password("correct horse")).value(), hasher.hash(new Password("correct horse")).value());
    }

    @Test
    void matches_onlyTheRightPassword_andNoneWithoutAStoredHash() {
        PasswordHasher hasher = hasher(1, 1024);
        String hash = hasher.hash(new Password("correct horse")).value();
        assertTrue(hasher.matches(new Password("correct horse"), hash));
        assertFalse(hasher.matches(new Password("correct horse "), hash));
        assertFalse(hasher.matches(new Password("timing-equaliser"), null), "the dummy hash never matches");
    }

    @Test
    void aStoredHash_keepsItsOwnParameters_whenTheConfigurationChanges() {
        String stored = hasher(1, 1024).hash(new Password("correct horse")).value();
        PasswordHasher reconfigured = hasher(3, 2048);
        assertTrue(reconfigured.matches(new Password("correct horse"), stored));
        assertTrue(reconfigured.hash(new Password("correct horse")).value().contains("t=3,m=2048,p=1"));
    }
}
