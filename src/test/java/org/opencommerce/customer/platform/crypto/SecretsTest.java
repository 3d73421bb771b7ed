package org.opencommerce.customer.platform.crypto;

import org.opencommerce.customer.platform.crypto.Secrets;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {

    @Test
    void tokens_have256RandomBitsUrlSafe() {
        String token = Secrets.newToken();
        assertEquals(43, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void ids_are128BitHexAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Secrets.newId();
            assertTrue(id.matches("[0-9a-f]{32}"));
            assertTrue(seen.add(id));
        }
    }

    @Test
    void hash_isSha256Hex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.hash("abc"));
    }
}
