package org.opencommerce.customer.credentials.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.webhooks.control.CustomerEvents;
import org.opencommerce.customer.webhooks.control.EventTypes;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.platform.web.RateLimits;
import org.opencommerce.customer.profile.control.Accounts;
import org.opencommerce.customer.profile.control.MailedLinks;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.verification.control.EmailTokens;
import org.opencommerce.customer.verification.control.PasswordGuard;
import org.opencommerce.customer.verification.control.PasswordHasher;
import org.opencommerce.customer.verification.control.PasswordPolicy;
import org.opencommerce.customer.verification.entity.EmailToken;
import org.opencommerce.customer.verification.entity.Password;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Password reset by mailed token, and password change by the logged-in customer: the new password is checked and
 * hashed (and the current one verified) outside any transaction, then {@link PasswordChanges} stores it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Passwords {

    @PersistenceContext
    EntityManager em;

    @Inject
    CustomerEvents events;

    @Inject
    Tenants tenants;

    @Inject
    Accounts accounts;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordHasher hasher;

    @Inject
    EmailTokens tokens;

    @Inject
    MailedLinks mailedLinks;

    @Inject
    PasswordGuard guard;

    @Inject
    RateLimits rateLimits;

    @Inject
    Clock clock;

    @Inject
    PasswordChanges changes;

    @Inject
    @ConfigProperty(name = "RATE_LIMIT_RESET_PER_MINUTE", defaultValue = "10")
    int resetsPerMinute;

    @Inject
    @ConfigProperty(name = "RESET_MAIL_INTERVAL_SECONDS", defaultValue = "60")
    long resetMailIntervalSeconds;

    /**
     * Mails a reset link when the email is a password login of the tenant, at most one per account every
     * RESET_MAIL_INTERVAL_SECONDS (nobody can mail-bomb a customer), and at most RATE_LIMIT_RESET_PER_MINUTE requests
     * per client address. Answers the same whether or not a mail goes out, so that accounts cannot be discovered.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void requestReset(Caller caller, String email) {
        rateLimits.require("password-reset", resetsPerMinute);
        TenantSnapshot tenant = tenants.require(caller.tenant());
        LoginAccount found = accounts.findByEmail(tenant.name(), email);
        if (found == null || found.getPasswordHash() == null) {
            return;
        }
        // locked, so that concurrent requests see each other's mail
        LoginAccount account = em.find(LoginAccount.class, found.getId(), LockModeType.PESSIMISTIC_WRITE);
        Instant last = tokens.lastIssued(account.getId(), EmailToken.Purpose.PASSWORD_RESET);
        if (last != null && last.plusSeconds(resetMailIntervalSeconds).isAfter(clock.instant())) {
            return;
        }
        String token = mailedLinks.send(tenant, EmailToken.Purpose.PASSWORD_RESET, account.getCustomer(), account.getId(),
                account.getEmail());
        events.emit(tenant.name(), EventTypes.PASSWORD_RESET, account.getCustomer().getId(),
                () -> Json.createObjectBuilder().add("customerNumber", account.getCustomer().customerNumber())
                        .add("email", account.getEmail()).build(), token);
    }

    /**
     * Sets the new password of the token's account, voids the account's other reset links and ends every login of
     * the customer ({@link PasswordChanges#reset}). The new password is hashed before the transaction starts, so that
     * no pooled connection waits for the slow, CPU-bound hash.
     */
    public void reset(Caller caller, String token, Password newPassword) {
        TenantSnapshot tenant = tenants.require(caller.tenant());
        policy.check(tenant, "password", newPassword.value());
        changes.reset(new CheckedReset(tenant.name(), token, hasher.hash(newPassword)));
    }

    /**
     * Changes the password of the login the caller used, after checking the current one (throttled like a login);
     * other logins end ({@link PasswordChanges#change}). Both hashes are computed outside any transaction.
     */
    public void change(Caller caller, Password currentPassword, Password newPassword) {
        LoginAccount account = accounts.findByEmail(caller.tenant(), caller.email());
        if (account == null || !account.getCustomer().getId().equals(caller.customerId())) {
            throw ApiException.invalidToken();
        }
        guard.requireAllowed(account.getId());
        if (!hasher.matches(currentPassword, account.getPasswordHash())) {
            guard.recordFailure(account.getId());
            throw ApiException.validation("The current password is not correct.",
                    List.of(new ErrorMessage.Detail("currentPassword", "invalid_value", "is not correct")));
        }
        policy.check(tenants.require(caller.tenant()), "newPassword", newPassword.value());
        changes.change(new VerifiedChange(account.getId(), hasher.hash(newPassword), caller.grantId()));
    }
}
