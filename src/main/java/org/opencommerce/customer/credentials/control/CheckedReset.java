package org.opencommerce.customer.credentials.control;

import org.opencommerce.customer.verification.entity.PasswordHash;

/**
 * A password reset whose new password {@link Passwords} checked against the policy and hashed; the mailed token is
 * redeemed by {@link PasswordChanges#reset}. Nothing outside this package can make one.
 */
public final class CheckedReset {

    private final String tenant;
    private final String token;
    private final PasswordHash hash;

    CheckedReset(String tenant, String token, PasswordHash hash) {
        this.tenant = tenant;
        this.token = token;
        this.hash = hash;
    }

    public String tenant() {
        return tenant;
    }

    public String token() {
        return token;
    }

    public PasswordHash hash() {
        return hash;
    }

    @Override
    public String toString() {
        return "CheckedReset[tenant=" + tenant + "]";
    }
}
