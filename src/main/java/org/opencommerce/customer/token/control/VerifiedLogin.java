package org.opencommerce.customer.token.control;

import org.opencommerce.customer.verification.entity.PasswordHash;

/**
 * A login whose password {@link PasswordLogin} has checked: the only way to open a session with a password
 * ({@link LoginSessions#open}). Nothing outside this package can make one. migratedHash, when not null, is the
 * service's own hash of the password, to replace an imported one.
 */
public final class VerifiedLogin {

    private final String sessionId;
    private final String tenant;
    private final long accountId;
    private final PasswordHash migratedHash;

    VerifiedLogin(String sessionId, String tenant, long accountId, PasswordHash migratedHash) {
        this.sessionId = sessionId;
        this.tenant = tenant;
        this.accountId = accountId;
        this.migratedHash = migratedHash;
    }

    public String sessionId() {
        return sessionId;
    }

    public String tenant() {
        return tenant;
    }

    public long accountId() {
        return accountId;
    }

    public PasswordHash migratedHash() {
        return migratedHash;
    }

    @Override
    public String toString() {
        return "VerifiedLogin[tenant=" + tenant + ", accountId=" + accountId + "]";
    }
}
