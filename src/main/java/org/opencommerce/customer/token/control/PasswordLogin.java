package org.opencommerce.customer.token.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.profile.control.Accounts;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.verification.control.PasswordGuard;
import org.opencommerce.customer.verification.control.PasswordHasher;
import org.opencommerce.customer.verification.entity.Password;
import org.opencommerce.customer.verification.entity.PasswordHash;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

/**
 * Customer login with email and password: verifies the password, outside any transaction so that no pooled connection
 * waits for the slow, CPU-bound hash, then opens the session ({@link LoginSessions#open}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PasswordLogin {

    @Inject
    Tenants tenants;

    @Inject
    Accounts accounts;

    @Inject
    PasswordHasher passwords;

    @Inject
    PasswordGuard guard;

    @Inject
    LoginSessions sessions;

    @Inject
    LoginMetrics metrics;

    /**
     * Logs a customer in within the caller's storefront session. Wrong password, unknown email and an account locked
     * for the caller's address all answer the same 401 after the same amount of hashing work; a throttled address is
     * answered 429 (PasswordGuard).
     */
    public IssuedTokens login(Caller caller, String email, Password password) {
        TenantSnapshot tenant = tenants.require(caller.tenant());
        try {
            guard.requireAddressAllowed();
        } catch (ApiException throttled) {
            guard.recordFailure(null);
            metrics.loginThrottled();
            throw throttled;
        }
        LoginAccount account = accounts.findByEmail(tenant.name(), email);
        if (account == null || guard.isLocked(account.getId())) {
            passwords.matches(password, null);
            guard.recordFailure(account == null ? null : account.getId());
            if (account == null) {
                metrics.loginFailed();
            } else {
                metrics.loginThrottled();
            }
            throw ApiException.invalidCredentials();
        }
        boolean legacy = account.getPasswordHash() == null && account.hasLegacyPassword();
        boolean matches = legacy
                ? passwords.matchesLegacy(account.getLegacyAlgorithm(), account.getLegacyHash(), account.getLegacyContext(), password)
                : passwords.matches(password, account.getPasswordHash());
        if (!matches) {
            guard.recordFailure(account.getId());
            metrics.loginFailed();
            throw ApiException.invalidCredentials();
        }
        guard.recordSuccess(account.getId());
        if (!account.isActivated()) {
            metrics.loginFailed();
            throw ApiException.notActivated();
        }
        if (!account.getCustomer().mayLogIn()) {
            metrics.loginFailed();
            throw ApiException.accountSuspended();
        }
        // an imported hash is replaced by the service's own, hashed here, outside the transaction
        PasswordHash migratedHash = legacy || !PasswordHasher.isCurrent(account.getPasswordHash()) ? passwords.hash(password) : null;
        IssuedTokens tokens = sessions.open(new VerifiedLogin(caller.sessionId(), tenant.name(), account.getId(), migratedHash));
        metrics.loginSucceeded();
        return tokens;
    }
}
