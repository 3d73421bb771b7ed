package org.opencommerce.customer.token.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.cluster.ClusterLock;
import org.opencommerce.customer.platform.crypto.SecretBox;
import org.opencommerce.customer.token.entity.SigningKey;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** The database side of {@link SigningKeys}' start and beat, each in a transaction of its own. */
@Stateless
public class SigningKeyRecords {

    private static final Logger LOG = Logger.getLogger(SigningKeyRecords.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    @Inject
    KeyPairs keyPairs;

    @Inject
    Clock clock;

    /**
     * On an empty database, makes the first key (takes over the key pair at JWT_PRIVATE_KEY_LOCATION /
     * JWT_PUBLIC_KEY_LOCATION, or makes one), holding the cluster lock so that of nodes starting at once only one
     * does; answers every key row.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<SigningKey> firstKeyIfNone() {
        ClusterLock.acquire(em, ClusterLock.SIGNING_KEYS);
        List<SigningKey> keys = em.createNamedQuery(SigningKey.ALL, SigningKey.class).getResultList();
        if (!keys.isEmpty()) {
            return keys;
        }
        Instant now = clock.instant();
        KeyPairs.Pair pair = keyPairs.configuredOrNew();
        SigningKey first = new SigningKey(pair.kid(), pair.publicKeyBase64(), box.seal(pair.privateKeyBase64()), now, now);
        em.persist(first);
        LOG.info("Token signing key " + pair.kid() + (pair.takenOver() ? " taken over from JWT_PRIVATE_KEY_LOCATION"
                : " generated") + "; it signs from now on");
        return List.of(first);
    }

    /** Writes the latest expiries signed per key, then reads every key row. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<SigningKey> writeBackAndRead(Map<String, Instant> signed) {
        signed.forEach((kid, expiry) -> em.createNamedQuery(SigningKey.EXTEND_EXPIRY).setParameter("kid", kid)
                .setParameter("expiry", expiry).executeUpdate());
        return em.createNamedQuery(SigningKey.ALL, SigningKey.class).getResultList();
    }
}
