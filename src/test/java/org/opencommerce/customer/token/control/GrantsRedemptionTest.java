package org.opencommerce.customer.token.control;

import org.junit.jupiter.api.Test;
import org.opencommerce.customer.token.entity.Grant;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decisions of {@link Grants#redeem}: which refresh tokens are taken, and when a used one may be used again. */
class GrantsRedemptionTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    private static final Redemption AT_NOW = new Redemption("shop", Grant.Kind.CUSTOMER, 30, NOW);

    private static Grant grant(String tenant, Grant.Kind kind) {
        return new Grant("g1", tenant, kind, 7L, 1007L, "jane@example.com", "s1", null, NOW.minusSeconds(600));
    }

    @Test
    void wellFormed_refusesMissingBlankAndOverlongValues() {
        assertFalse(Redemption.wellFormed(null));
        assertFalse(Redemption.wellFormed(""));
        assertFalse(Redemption.wellFormed("   "));
        assertFalse(Redemption.wellFormed("x".repeat(201)));
        assertTrue(Redemption.wellFormed("x".repeat(200)));
        assertTrue(Redemption.wellFormed("x"));
    }

    @Test
    void admits_aLiveTokenOfALiveGrantOfTheTenantAndKind() {
        assertTrue(AT_NOW.admits(grant("shop", Grant.Kind.CUSTOMER), LATER));
    }

    @Test
    void admits_notARevokedGrant() {
        Grant revoked = grant("shop", Grant.Kind.CUSTOMER);
        revoked.revoke(NOW.minusSeconds(1));
        assertFalse(AT_NOW.admits(revoked, LATER));
    }

    @Test
    void admits_notAnotherTenantsGrant() {
        assertFalse(AT_NOW.admits(grant("other-shop", Grant.Kind.CUSTOMER), LATER));
    }

    @Test
    void admits_notAnAnonymousGrantForACustomerRefresh_norTheOtherWay() {
        assertFalse(AT_NOW.admits(grant("shop", Grant.Kind.ANONYMOUS), LATER));
        Redemption anonymous = new Redemption("shop", Grant.Kind.ANONYMOUS, 30, NOW);
        assertFalse(anonymous.admits(grant("shop", Grant.Kind.CUSTOMER), LATER));
        assertTrue(anonymous.admits(grant("shop", Grant.Kind.ANONYMOUS), LATER));
    }

    @Test
    void admits_notATokenThatExpires_atNowOrBefore() {
        assertFalse(AT_NOW.admits(grant("shop", Grant.Kind.CUSTOMER), NOW));
        assertFalse(AT_NOW.admits(grant("shop", Grant.Kind.CUSTOMER), NOW.minusMillis(1)));
        assertTrue(AT_NOW.admits(grant("shop", Grant.Kind.CUSTOMER), NOW.plusMillis(1)));
    }

    @Test
    void allowsReuse_withinTheIntervalOfTheFirstUse_itsEndIncluded() {
        assertTrue(AT_NOW.allowsReuse(NOW));
        assertTrue(AT_NOW.allowsReuse(NOW.minusSeconds(10)));
        assertTrue(AT_NOW.allowsReuse(NOW.minusSeconds(30)));
    }

    @Test
    void allowsReuse_notAfterTheInterval_theTokenWasReplayed() {
        assertFalse(AT_NOW.allowsReuse(NOW.minusSeconds(30).minusMillis(1)));
        assertFalse(AT_NOW.allowsReuse(NOW.minusSeconds(3600)));
    }

    @Test
    void allowsReuse_withInterval0_onlyAtTheSameInstant() {
        Redemption noInterval = new Redemption("shop", Grant.Kind.CUSTOMER, 0, NOW);
        assertTrue(noInterval.allowsReuse(NOW));
        assertFalse(noInterval.allowsReuse(NOW.minusMillis(1)));
    }

    @Test
    void allowsReuse_notWithoutAFirstUse() {
        assertFalse(AT_NOW.allowsReuse(null));
    }
}
