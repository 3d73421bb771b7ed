package org.opencommerce.customer.credentials.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.verification.control.EmailTokens;
import org.opencommerce.customer.verification.entity.EmailToken;
import org.opencommerce.customer.token.control.Revocations;

/**
 * Stores a new password that {@link Passwords} checked and hashed, each in a transaction of its own; only Passwords can
 * make a {@link CheckedReset} or a {@link VerifiedChange}.
 */
@Stateless
public class PasswordChanges {

    @PersistenceContext
    EntityManager em;

    @Inject
    EmailTokens tokens;

    @Inject
    Revocations revocations;

    /** Redeems the reset token, sets the new hash, voids the account's other reset links and ends every login. */
    public void reset(CheckedReset reset) {
        EmailToken redeemed = tokens.redeem(reset.tenant(), EmailToken.Purpose.PASSWORD_RESET, reset.token());
        LoginAccount account = em.find(LoginAccount.class, redeemed.getAccountId());
        if (account == null) {
            throw ApiException.invalidEmailToken();
        }
        account.changePassword(reset.hash().value());
        tokens.voidOpen(account.getCustomer().getId(), EmailToken.Purpose.PASSWORD_RESET);
        revocations.revokeAllOfCustomer(account.getCustomer().getId());
    }

    /** The new hash of a login whose current password was verified; every other login of the customer ends. */
    public void change(VerifiedChange change) {
        LoginAccount account = em.find(LoginAccount.class, change.accountId());
        if (account == null) {
            throw ApiException.invalidToken();
        }
        account.changePassword(change.hash().value());
        revocations.revokeAllOfCustomerExcept(account.getCustomer().getId(), change.keptGrantId());
    }
}
