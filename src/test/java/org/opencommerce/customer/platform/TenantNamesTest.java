package org.opencommerce.customer.platform;

import org.opencommerce.customer.platform.TenantNames;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "demo", "shop42", "abcdefghijklmnop"})
    void valid(String name) {
        assertTrue(TenantNames.isValid(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "Demo", "1shop", "shop-1", "abcdefghijklmnopq", "shop 1"})
    void invalid(String name) {
        assertFalse(TenantNames.isValid(name));
    }
}
