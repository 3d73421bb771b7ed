package org.opencommerce.customer.verification.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.CurrentClient;
import org.opencommerce.customer.verification.entity.AddressFailures;
import org.opencommerce.customer.verification.entity.PasswordFailures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Throttles password guessing wherever a password is checked (login, password change, email change), in two ways
 * (docs/decisions.md, "Throttling"):
 * <ul>
 * <li>per account and client address: after LOGIN_THROTTLE_FREE_ATTEMPTS failures the pair is locked for
 * LOGIN_THROTTLE_BASE_SECONDS, doubling with each further failure up to LOGIN_THROTTLE_MAX_SECONDS. An attacker
 * elsewhere therefore never locks the owner out;</li>
 * <li>per client address across accounts: after THROTTLE_ADDRESS_FREE_ATTEMPTS failures the address is throttled the
 * same way (THROTTLE_ADDRESS_BASE_SECONDS, THROTTLE_ADDRESS_MAX_SECONDS) and answered 429 with Retry-After.</li>
 * </ul>
 * Every failure is counted, throttled attempts included, with an atomic upsert in the database, so that concurrent
 * attempts and several nodes count exactly. A count rests once no failure came for the maximum lock time.
 */
@Stateless
public class PasswordGuard {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentClient client;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "LOGIN_THROTTLE_FREE_ATTEMPTS", defaultValue = "5")
    int pairFreeAttempts;

    @Inject
    @ConfigProperty(name = "LOGIN_THROTTLE_BASE_SECONDS", defaultValue = "30")
    long pairBaseSeconds;

    @Inject
    @ConfigProperty(name = "LOGIN_THROTTLE_MAX_SECONDS", defaultValue = "900")
    long pairMaxSeconds;

    @Inject
    @ConfigProperty(name = "THROTTLE_ADDRESS_FREE_ATTEMPTS", defaultValue = "50")
    int addressFreeAttempts;

    @Inject
    @ConfigProperty(name = "THROTTLE_ADDRESS_BASE_SECONDS", defaultValue = "1")
    long addressBaseSeconds;

    @Inject
    @ConfigProperty(name = "THROTTLE_ADDRESS_MAX_SECONDS", defaultValue = "300")
    long addressMaxSeconds;

    /** 429 while the caller's address is throttled. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void requireAddressAllowed() {
        AddressFailures failures = em.find(AddressFailures.class, client.address());
        refuseUntil(failures == null ? null : failures.getLockedUntil());
    }

    /** True while the account is locked for the caller's address (a login answers that like a wrong password). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean isLocked(long accountId) {
        Instant until = pairLockedUntil(accountId);
        return until != null && until.isAfter(clock.instant());
    }

    /** 429 while the caller's address, or the account for that address, is throttled (password and email change). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void requireAllowed(long accountId) {
        requireAddressAllowed();
        refuseUntil(pairLockedUntil(accountId));
    }

    /** Counts a failed check from the caller's address (of accountId, when the account exists). Sticks on rollback. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(Long accountId) {
        Instant now = clock.instant();
        String address = client.address();
        em.createNamedQuery(AddressFailures.COUNT).setParameter(1, address).setParameter(2, now)
                .setParameter(3, now.minusSeconds(addressMaxSeconds)).executeUpdate();
        AddressFailures byAddress = em.find(AddressFailures.class, address);
        byAddress.lockUntil(lockEnd(byAddress.getFailures(), addressFreeAttempts, addressBaseSeconds, addressMaxSeconds, now));
        if (accountId != null) {
            em.createNamedQuery(PasswordFailures.COUNT).setParameter(1, accountId).setParameter(2, address)
                    .setParameter(3, now).setParameter(4, now.minusSeconds(pairMaxSeconds)).executeUpdate();
            PasswordFailures pair = em.find(PasswordFailures.class, new PasswordFailures.Key(accountId, address));
            pair.lockUntil(lockEnd(pair.getFailures(), pairFreeAttempts, pairBaseSeconds, pairMaxSeconds, now));
        }
    }

    /** The right password: earlier failures of this account from this address no longer count. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordSuccess(long accountId) {
        em.createNamedQuery(PasswordFailures.FORGET).setParameter("accountId", accountId)
                .setParameter("address", client.address()).executeUpdate();
    }

    /** Until when failures lock: nothing for the free attempts, then base seconds doubling per failure up to max. */
    static Instant lockEnd(int failures, int free, long baseSeconds, long maxSeconds, Instant now) {
        int over = failures - free;
        if (over < 0) {
            return null;
        }
        return now.plusSeconds(Math.min(maxSeconds, baseSeconds << Math.min(over, 30)));
    }

    private Instant pairLockedUntil(long accountId) {
        PasswordFailures pair = em.find(PasswordFailures.class, new PasswordFailures.Key(accountId, client.address()));
        return pair == null ? null : pair.getLockedUntil();
    }

    private void refuseUntil(Instant until) {
        Instant now = clock.instant();
        if (until != null && until.isAfter(now)) {
            throw ApiException.tooManyRequests(Math.max(1, Duration.between(now, until).toSeconds() + 1));
        }
    }
}
