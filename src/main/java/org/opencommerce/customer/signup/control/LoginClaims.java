package org.opencommerce.customer.signup.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.verification.control.PasswordHasher;
import org.opencommerce.customer.verification.control.PasswordPolicy;
import org.opencommerce.customer.verification.entity.Password;
import org.opencommerce.customer.tenant.control.Tenants;


/**
 * Extra logins of a profile (POST /me/accounts/internal). Nobody may squat an address they do not own: the new login
 * stays pending until its address confirms it through the activation link of double opt-in, and a pending claim
 * gives way to the address owner's own sign-up. The password is checked and hashed here, outside any transaction;
 * {@link PendingLogins} stores the claim.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoginClaims {

    @Inject
    Tenants tenants;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordHasher passwords;

    @Inject
    PendingLogins pendingLogins;

    /**
     * Claims the email as another login of the caller's profile, mails the activation link to it and answers the
     * customer number; 409 when the email is already a login of the tenant.
     */
    public String claim(Caller caller, String email, Password password) {
        policy.check(tenants.require(caller.tenant()), "password", password.value());
        return pendingLogins.create(new CheckedClaim(caller, email, passwords.hash(password)));
    }
}
