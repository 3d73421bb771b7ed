package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.web.JsonDocuments;
import org.opencommerce.customer.platform.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonDocumentsTest {

    private static void check(String json, int maxDepth) {
        JsonDocuments.requireWellFormed(json.getBytes(StandardCharsets.UTF_8), maxDepth);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": [1, 2", "{\"a\": {\"b\": 1", "[[[", "{\"email\": \"x", "{} x", "{\"a\":1}{}", "{'a':1}",
            "{\"a\":01}", "\u0000", "{\"a\":\"\\u12\"}"})
    @Timeout(5)
    void incompleteOrMalformed_is400WithTheBodyNamed(String json) {
        ApiException refused = assertThrows(ApiException.class, () -> check(json, 32));
        assertEquals(400, refused.status());
        assertEquals("body", refused.details().get(0).field());
    }

    @Test
    void numbersBeyondJsonPsLimits_are400() {
        assertThrows(ApiException.class, () -> check("{\"version\": " + "9".repeat(5000) + "}", 32));
    }

    @Test
    void nestingDeeperThanTheBound_is400_atTheBound() {
        assertDoesNotThrow(() -> check("[".repeat(32) + "]".repeat(32), 32));
        ApiException refused = assertThrows(ApiException.class, () -> check("[".repeat(33) + "]".repeat(33), 32));
        assertTrue(refused.getMessage().contains("deeper than 32"), refused.getMessage());
        assertThrows(ApiException.class, () -> check("[".repeat(100_000), 32));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "\"text\"", "12", "null", "{\"a\": [1, {\"b\": \"😀\"}], \"c\": 1e400}"})
    void completeDocuments_pass(String json) {
        assertDoesNotThrow(() -> check(json, 32));
    }
}
