package org.opencommerce.customer.token.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.profile.entity.LoginAccount;

import java.time.Clock;

/**
 * Slows down password guessing per account: after a few free failures the account is locked for a time that doubles
 * with each further failure, up to a maximum, so that nobody can lock a customer out for good.
 */
@Stateless
public class LoginThrottle {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "LOGIN_THROTTLE_FREE_ATTEMPTS", defaultValue = "5")
    int freeAttempts;

    @Inject
    @ConfigProperty(name = "LOGIN_THROTTLE_BASE_SECONDS", defaultValue = "30")
    long baseSeconds;

    @Inject
    @ConfigProperty(name = "LOGIN_THROTTLE_MAX_SECONDS", defaultValue = "900")
    long maxSeconds;

    /** Counts a failed login in its own transaction: it must stick although the login itself fails. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(long accountId) {
        LoginAccount account = em.find(LoginAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account != null) {
            account.recordFailedLogin(clock.instant(), freeAttempts, baseSeconds, maxSeconds);
        }
    }
}
