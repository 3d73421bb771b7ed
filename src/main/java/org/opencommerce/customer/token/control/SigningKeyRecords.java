package org.opencommerce.customer.token.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.token.entity.SigningKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The database side of {@link SigningKeys}' beat, in a transaction of its own. */
@Stateless
public class SigningKeyRecords {

    @PersistenceContext
    EntityManager em;

    /** Writes the latest expiries signed per key, then reads every key row. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<SigningKey> writeBackAndRead(Map<String, Instant> signed) {
        signed.forEach((kid, expiry) -> em.createNamedQuery(SigningKey.EXTEND_EXPIRY).setParameter("kid", kid)
                .setParameter("expiry", expiry).executeUpdate());
        return em.createNamedQuery(SigningKey.ALL, SigningKey.class).getResultList();
    }
}
