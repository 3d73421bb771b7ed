package org.opencommerce.customer.token.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.crypto.Secrets;
import org.opencommerce.customer.platform.data.ChunkedPurge;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.token.entity.Grant;
import org.opencommerce.customer.token.entity.RefreshToken;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Grants and their refresh tokens: opening, rotating (with reuse detection) and revoking. */
@Stateless
public class Grants {

    @PersistenceContext
    EntityManager em;

    @Inject
    ChunkedPurge purge;

    @Inject
    Revocations revocations;

    @Inject
    Clock clock;


    /** A new grant of the customer (its internal id and its number), or an anonymous one when customer is null. */
    public Grant open(String tenant, Grant.Kind kind, Customer customer, String email, String sessionId,
                      String legalEntityId) {
        Grant grant = new Grant(Secrets.newId(), tenant, kind, customer == null ? null : customer.getId(),
                customer == null ? null : customer.getNumber(), email, sessionId, legalEntityId, clock.instant());
        em.persist(grant);
        return grant;
    }

    /**
     * A new refresh token of the grant, issued with an access token of accessTtlSeconds; only its hash is stored, and
     * it is kept until both have expired.
     */
    public String newRefreshToken(Grant grant, long ttlSeconds, long accessTtlSeconds) {
        String token = Secrets.newToken();
        Instant now = clock.instant();
        em.persist(new RefreshToken(Secrets.hash(token), grant.getId(), now, now.plusSeconds(ttlSeconds),
                now.plusSeconds(Math.max(ttlSeconds, accessTtlSeconds))));
        return token;
    }

    /**
     * Deletes what no token can use any more: refresh tokens kept past cutoff, grants revoked before it, and grants
     * older than it without any refresh token left (so without a live access token). Answers the rows deleted.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int purge(Instant cutoff) {
        return purge.all(RefreshToken.PURGE, cutoff) + purge.all(Grant.PURGE_REVOKED, cutoff)
                + purge.all(Grant.PURGE_IDLE, cutoff);
    }

    /**
     * Uses up a refresh token and answers its grant, for the caller to issue the next pair. A token used again within
     * reuseIntervalSeconds of its first use (two browser tabs refreshing at once) still answers its grant, so both get
     * a pair of the same session; used again later, it was stolen or replayed: the whole grant is revoked.
     */
    public Grant redeem(String tenant, Grant.Kind kind, String refreshToken, int reuseIntervalSeconds) {
        if (!Redemption.wellFormed(refreshToken)) {
            throw ApiException.invalidRefreshToken();
        }
        String hash = Secrets.hash(refreshToken);
        List<Object[]> found = em.createNamedQuery(RefreshToken.WITH_GRANT, Object[].class)
                .setParameter("hash", hash).getResultList();
        if (found.isEmpty()) {
            throw ApiException.invalidRefreshToken();
        }
        RefreshToken stored = (RefreshToken) found.get(0)[0];
        Grant grant = (Grant) found.get(0)[1];
        Redemption redemption = new Redemption(tenant, kind, reuseIntervalSeconds, clock.instant());
        if (!redemption.admits(grant, stored.getExpiresAt())) {
            throw ApiException.invalidRefreshToken();
        }
        int marked = em.createNamedQuery(RefreshToken.MARK_USED)
                .setParameter("now", redemption.now()).setParameter("hash", hash).executeUpdate();
        if (marked == 0) {
            em.refresh(stored);
            if (redemption.allowsReuse(stored.getUsedAt())) {
                return grant;
            }
            revocations.revokeAtOnce(grant.getId());
            throw ApiException.invalidRefreshToken();
        }
        return grant;
    }

    /**
     * Whether the grant has not been revoked, with its tenant and customer (RevocationChecks keeps the answer); null
     * for a grant the database does not know: a plain read without a JTA transaction, whose connection goes back to
     * the pool when it returns.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public GrantState state(String grantId) {
        List<Object[]> rows = em.createNamedQuery(Grant.STATE, Object[].class).setParameter("id", grantId).getResultList();
        if (rows.size() != 1) {
            return null;
        }
        Object[] row = rows.get(0);
        return new GrantState((String) row[0], (Long) row[1], row[2] == null);
    }

    public Grant find(String grantId) {
        return grantId == null ? null : em.find(Grant.class, grantId);
    }
}
