package org.opencommerce.customer.token.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.CustomerDeleted;
import org.opencommerce.customer.platform.cluster.Invalidated;
import org.opencommerce.customer.platform.cluster.Invalidations;
import org.opencommerce.customer.token.entity.Grant;

import java.time.Clock;

/** Revocations that must stick even when the request that detects the need for them fails. */
@Stateless
public class Revocations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Invalidations invalidations;

    /** Ends one login (logout), in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void revoke(Grant grant) {
        grant.revoke(clock.instant());
        invalidations.record(Invalidated.Kind.GRANT, grant.getId());
    }

    /**
     * Ends one login in a transaction of its own, which commits even when the caller's rolls back (a reused refresh
     * token: the refusal rolls the refresh back, the revocation stays).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void revokeAtOnce(String grantId) {
        Grant grant = em.find(Grant.class, grantId);
        if (grant != null) {
            revoke(grant);
        }
    }

    /** Ends every login of a customer that is being deleted, in the deleting transaction. */
    public void onCustomerDeleted(@Observes CustomerDeleted deleted) {
        revokeAllOfCustomer(deleted.customerId());
    }

    /** Ends every login of a customer (password reset). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void revokeAllOfCustomer(long customerId) {
        revokeAllOfCustomerExcept(customerId, "");
    }

    /** Ends every login of a customer but one (password change: the customer's own session goes on). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void revokeAllOfCustomerExcept(long customerId, String keptGrantId) {
        em.createNamedQuery(Grant.REVOKE_ALL_OF_CUSTOMER).setParameter("now", clock.instant())
                .setParameter("customerId", customerId).setParameter("kept", keptGrantId).executeUpdate();
        invalidations.record(Invalidated.Kind.CUSTOMER, Long.toString(customerId));
    }
}
