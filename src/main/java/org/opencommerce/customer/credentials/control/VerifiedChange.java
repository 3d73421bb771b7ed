package org.opencommerce.customer.credentials.control;

import org.opencommerce.customer.verification.entity.PasswordHash;

/**
 * A password change of a login whose current password {@link Passwords} verified, with the new password's hash and
 * the grant (the caller's login) that stays. Nothing outside this package can make one.
 */
public final class VerifiedChange {

    private final long accountId;
    private final PasswordHash hash;
    private final String keptGrantId;

    VerifiedChange(long accountId, PasswordHash hash, String keptGrantId) {
        this.accountId = accountId;
        this.hash = hash;
        this.keptGrantId = keptGrantId;
    }

    public long accountId() {
        return accountId;
    }

    public PasswordHash hash() {
        return hash;
    }

    public String keptGrantId() {
        return keptGrantId;
    }

    @Override
    public String toString() {
        return "VerifiedChange[accountId=" + accountId + "]";
    }
}
