package org.opencommerce.customer.signup.control;

import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.verification.entity.PasswordHash;

/**
 * An extra login the logged-in caller claims, whose password {@link LoginClaims} checked against the policy and
 * hashed. Nothing outside this package can make one.
 */
public final class CheckedClaim {

    private final Caller caller;
    private final String email;
    private final PasswordHash passwordHash;

    CheckedClaim(Caller caller, String email, PasswordHash passwordHash) {
        this.caller = caller;
        this.email = email;
        this.passwordHash = passwordHash;
    }

    public Caller caller() {
        return caller;
    }

    public String email() {
        return email;
    }

    public PasswordHash passwordHash() {
        return passwordHash;
    }

    @Override
    public String toString() {
        return "CheckedClaim[tenant=" + caller.tenant() + "]";
    }
}
