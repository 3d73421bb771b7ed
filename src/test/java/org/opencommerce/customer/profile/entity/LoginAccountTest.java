package org.opencommerce.customer.profile.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class LoginAccountTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final LoginAccount account = new LoginAccount(new Customer("demo", 10_000_000L, NOW), "Jo@Example.COM ", "hash", NOW);

    @Test
    void email_isStoredLowerCaseAndTrimmed() {
        assertEquals("jo@example.com", account.getEmail());
    }

    @Test
    void emails_areComparedInNfcAndLowerCase_butKeepTheirAccents() {
        assertEquals("jörg.x@example.com", LoginAccount.normalize(" Jo\u0308rg.X@example.com"));
        assertEquals(LoginAccount.normalize("JÖRG@example.com"), LoginAccount.normalize("jo\u0308rg@example.com"));
        assertFalse(LoginAccount.normalize("jörg@example.com").equals(LoginAccount.normalize("jorg@example.com")));
    }

    @Test
    void success_recordsTheLastLogin() {
        account.recordSuccessfulLogin(NOW);
        assertEquals(NOW, account.getLastLogin());
    }
}
