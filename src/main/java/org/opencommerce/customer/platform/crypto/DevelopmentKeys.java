package org.opencommerce.customer.platform.crypto;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.cluster.ClusterLock;

import java.util.Base64;
import java.util.function.Supplier;

/** The development data key's row, for {@link SecretBox}'s start. */
@Stateless
public class DevelopmentKeys {

    @PersistenceContext
    EntityManager em;

    /**
     * The development data key of the database; the first node to start stores the one made by firstKey, holding the
     * cluster lock so that of nodes starting at once only one does.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public byte[] dataKey(Supplier<byte[]> firstKey) {
        ClusterLock.acquire(em, ClusterLock.DEVELOPMENT_KEY);
        DevelopmentKey stored = em.find(DevelopmentKey.class, DevelopmentKey.DATA_KEY);
        if (stored == null) {
            stored = new DevelopmentKey(DevelopmentKey.DATA_KEY, Base64.getEncoder().encodeToString(firstKey.get()));
            em.persist(stored);
        }
        return Base64.getDecoder().decode(stored.getSecret());
    }
}
