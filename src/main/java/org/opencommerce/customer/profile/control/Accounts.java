package org.opencommerce.customer.profile.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.data.ChunkedPurge;
import org.opencommerce.customer.platform.data.UniqueKeys;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LoginAccount;

import java.time.Instant;
import java.util.Optional;
import java.util.List;

/** The login accounts of a tenant: finding them by email, claiming an email for one. */
@Stateless
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    ChunkedPurge purge;

    /**
     * Removes a pending extra login of this email (one whose address never confirmed it): the address owner's own
     * sign-up always wins over someone else's claim.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void dropPendingClaim(String tenant, String email) {
        em.createNamedQuery(LoginAccount.DROP_PENDING_CLAIM).setParameter("tenant", tenant)
                .setParameter("email", LoginAccount.normalize(email)).executeUpdate();
    }

    /**
     * Writes the transaction's pending changes now, so that a login email taken meanwhile by a concurrent request
     * (the unique key passes the earlier existence check) is answered with the spec's 409, not a failed commit.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void flushClaiming(String email, String tenant) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueKeys.isViolation(e)) {
                throw duplicate(email, tenant);
            }
            throw e;
        }
    }

    /** The spec's 409 for a login email that is taken in the tenant. */
    public static ApiException duplicate(String email, String tenant) {
        return ApiException.conflict("Duplicate account '" + LoginAccount.normalize(email) + "' for tenant '" + tenant + "'.");
    }

    public LoginAccount findByEmail(String tenant, String email) {
        if (email == null) {
            return null;
        }
        List<LoginAccount> found = em.createNamedQuery(LoginAccount.BY_EMAIL, LoginAccount.class)
                .setParameter("tenant", tenant).setParameter("email", LoginAccount.normalize(email))
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The login of the email, if any. */
    public Optional<LoginAccount> find(String tenant, String email) {
        return em.createNamedQuery(LoginAccount.BY_EMAIL, LoginAccount.class).setParameter("tenant", tenant)
                .setParameter("email", LoginAccount.normalize(email)).getResultStream().findFirst();
    }

    public boolean exists(String tenant, String email) {
        return em.createNamedQuery(LoginAccount.COUNT_BY_EMAIL, Long.class)
                .setParameter("tenant", tenant).setParameter("email", LoginAccount.normalize(email))
                .getSingleResult() > 0;
    }

    /**
     * Deletes sign-ups never confirmed (double opt-in) and extra logins never claimed, made before cutoff; a customer
     * goes with everything it has (the database cascades). Answers how many rows.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int purgeUnconfirmed(Instant cutoff) {
        return purge.all(Customer.PURGE_UNCONFIRMED, cutoff) + purge.all(LoginAccount.PURGE_UNCLAIMED, cutoff);
    }
}
