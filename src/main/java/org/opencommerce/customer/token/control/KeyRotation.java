package org.opencommerce.customer.token.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.cluster.ClusterLock;
import org.opencommerce.customer.platform.crypto.SecretBox;
import org.opencommerce.customer.token.entity.SigningKey;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Rotating the signing keys without logging anyone out: a new key is published at once and signs only from
 * KEY_PUBLISH_LEAD_SECONDS later (every verifier, Payara's five-minute key-set cache included, knows it by then); the
 * key it replaces keeps verifying until the last token it signed has expired. Retiring a key ends its tokens at once.
 */
@Stateless
public class KeyRotation {

    @PersistenceContext
    EntityManager em;

    @Inject
    KeyPairs keyPairs;

    @Inject
    SecretBox box;

    @Inject
    SigningKeys keys;

    @Inject
    Clock clock;

    @Inject
    Event<KeyRetired> retirements;

    @Inject
    @ConfigProperty(name = "KEY_PUBLISH_LEAD_SECONDS", defaultValue = "600")
    long defaultLeadSeconds;

    /** Publishes a new key that signs from signsInSeconds from now (null: the configured lead); 409 while one waits. */
    public SigningKey rotate(Long signsInSeconds) {
        ClusterLock.acquire(em, ClusterLock.SIGNING_KEYS);
        Instant now = clock.instant();
        List<SigningKey> rows = em.createNamedQuery(SigningKey.ALL, SigningKey.class).getResultList();
        for (SigningKey row : rows) {
            if (row.getRetiredAt() == null && row.getSignsFrom().isAfter(now)) {
                throw ApiException.conflict("Key " + row.getKid() + " is already published and signs from "
                        + row.getSignsFrom() + "; retire it or wait.");
            }
        }
        Instant signsFrom = now.plusSeconds(signsInSeconds == null ? defaultLeadSeconds : signsInSeconds);
        rows.stream().filter(row -> row.getSupersededAt() == null && row.getRetiredAt() == null)
                .forEach(row -> row.supersedeAt(signsFrom));
        KeyPairs.Pair pair = keyPairs.generated();
        SigningKey next = new SigningKey(pair.kid(), pair.publicKeyBase64(), box.seal(pair.privateKeyBase64()), now, signsFrom);
        em.persist(next);
        keys.publishedHere(next);
        return next;
    }

    /**
     * Retires a key now: its tokens are refused from now on (on this node at once, on the others within
     * KEY_REFRESH_MILLIS). The key that signs now cannot be retired (409: rotate first); retiring a key that waits to
     * sign leaves its predecessor signing.
     */
    public SigningKey retire(String kid) {
        ClusterLock.acquire(em, ClusterLock.SIGNING_KEYS);
        Instant now = clock.instant();
        SigningKey key = kid == null || kid.length() > 64 ? null : em.find(SigningKey.class, kid);
        if (key == null || key.getRetiredAt() != null) {
            throw ApiException.notFound("Signing key '" + kid + "' not found.");
        }
        if (!key.getSignsFrom().isAfter(now) && (key.getSupersededAt() == null || key.getSupersededAt().isAfter(now))) {
            throw ApiException.conflict("Key " + kid + " signs now; publish its successor first.");
        }
        if (key.getSignsFrom().isAfter(now)) {
            em.createNamedQuery(SigningKey.ALL, SigningKey.class).getResultList().stream()
                    .filter(row -> key.getSignsFrom().equals(row.getSupersededAt()))
                    .forEach(row -> row.supersedeAt(null));
        }
        key.retire(now);
        // applied here once committed (during = AFTER_SUCCESS), not at all after a rollback
        retirements.fire(new KeyRetired(kid, now));
        return key;
    }
}
