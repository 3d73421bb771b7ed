package org.opencommerce.customer.platform.cluster;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Leases on {@link ClusterLock} rows for periodic work that one node at a time does: a node takes the lease when it
 * has lapsed, with one update committed at once, and holds it for the work's interval, so the work runs once per
 * interval in the whole cluster and a node that stops mid-way delays it by at most that. On a Galera cluster two
 * nodes taking it at once both update the row; certification lets only the first commit.
 */
@Stateless
public class ClusterLeases {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Takes the lease named name for length; answers false while another node (or this one) holds it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean take(String name, Duration length) {
        Instant now = clock.instant();
        return em.createNamedQuery(ClusterLock.TAKE_LEASE).setParameter("holder", ClusterLock.THIS_NODE)
                .setParameter("now", now).setParameter("until", now.plus(length)).setParameter("name", name)
                .executeUpdate() == 1;
    }
}
