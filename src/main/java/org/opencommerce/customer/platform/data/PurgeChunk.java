package org.opencommerce.customer.platform.data;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;

/** One chunk of a {@link ChunkedPurge}, in a transaction of its own. */
@Stateless
public class PurgeChunk {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int delete(String purgeQuery, Instant cutoff, int rows) {
        return em.createNamedQuery(purgeQuery).setParameter(1, Timestamp.from(cutoff)).setParameter(2, rows)
                .executeUpdate();
    }
}
