package org.opencommerce.customer.credentials.control;

import org.opencommerce.customer.verification.control.EmailTokens;

/**
 * An email change of a login whose password {@link EmailChanges} verified. Nothing outside this package can make one.
 */
public final class VerifiedEmailChange {

    private final String tenant;
    private final long accountId;
    private final EmailTokens.EmailChange change;

    VerifiedEmailChange(String tenant, long accountId, EmailTokens.EmailChange change) {
        this.tenant = tenant;
        this.accountId = accountId;
        this.change = change;
    }

    public String tenant() {
        return tenant;
    }

    public long accountId() {
        return accountId;
    }

    public EmailTokens.EmailChange change() {
        return change;
    }

    @Override
    public String toString() {
        return "VerifiedEmailChange[tenant=" + tenant + ", accountId=" + accountId + "]";
    }
}
