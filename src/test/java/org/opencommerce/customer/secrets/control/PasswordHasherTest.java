package org.opencommerce.customer.secrets.control;

import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final DefaultPasswordService service = PasswordHasher.argon2id(2, 19456, 1);

    @Test
    void hash_isArgon2idWithTheConfiguredParameters() {
        String hash = service.encryptPassword("correct horse");
        assertTrue(hash.startsWith("$shiro2$argon2id$v=19$t=2,m=19456,p=1$"), hash);
    }

    @Test
    void hash_isSaltedSoTheSamePasswordHashesDifferently() {
        assertNotEquals(service.encryptPassword("correct horse"), service.encryptPassword("correct horse"));
    }

    @Test
    void matches_onlyTheRightPassword() {
        String hash = service.encryptPassword("correct horse");
        assertTrue(service.passwordsMatch("correct horse", hash));
        assertFalse(service.passwordsMatch("correct horse ", hash));
    }

    @Test
    void matches_withoutStoredHash_isFalse() {
        PasswordHasher hasher = new PasswordHasher();
        hasher.iterations = 1;
        hasher.memoryKib = 1024;
        hasher.parallelism = 1;
        hasher.init();
        assertFalse(hasher.matches("timing-equaliser", null));
        assertTrue(hasher.matches("pw", hasher.hash("pw")));
    }
}
