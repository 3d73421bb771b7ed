package org.opencommerce.customer.token.control;

import org.opencommerce.customer.token.entity.Grant;

import java.time.Instant;

/**
 * The rules of one refresh token redemption (for a tenant and kind of login, at now), apart from the rows they decide
 * on: Grants reads and marks the rows, these decide.
 */
record Redemption(String tenant, Grant.Kind kind, int reuseIntervalSeconds, Instant now) {

    /** Longer values are refused unread: no refresh token this service issues is that long. */
    static final int MAX_LENGTH = 200;

    /** Whether the value can be a refresh token at all (anything else is refused before it is hashed and looked up). */
    static boolean wellFormed(String refreshToken) {
        return refreshToken != null && !refreshToken.isBlank() && refreshToken.length() <= MAX_LENGTH;
    }

    /**
     * Whether a token of grant that expires at expiresAt may be redeemed: the grant is not revoked and belongs to this
     * tenant and kind, and the token has not expired (it expires at expiresAt itself).
     */
    boolean admits(Grant grant, Instant expiresAt) {
        return !grant.isRevoked() && grant.getTenant().equals(tenant) && grant.getKind() == kind
                && expiresAt.isAfter(now);
    }

    /**
     * Whether a token already used at firstUse may be used again now: within the reuse interval (its end included),
     * as two browser tabs refreshing at once do. Later, it was stolen or replayed.
     */
    boolean allowsReuse(Instant firstUse) {
        return firstUse != null && !firstUse.plusSeconds(reuseIntervalSeconds).isBefore(now);
    }
}
