package org.opencommerce.customer.verification.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.crypto.Secrets;
import org.opencommerce.customer.platform.data.ChunkedPurge;
import org.opencommerce.customer.verification.entity.EmailToken;

import java.time.Clock;
import java.time.Instant;

/** Issues and redeems the single-use tokens sent by mail. */
@Stateless
public class EmailTokens {

    @PersistenceContext
    EntityManager em;

    @Inject
    ChunkedPurge purge;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "EMAIL_TOKEN_TTL_SECONDS", defaultValue = "86400")
    long ttlSeconds;

    /**
     * A new token; the customer's earlier open tokens of the same purpose stop working, so only the latest mail's
     * link does.
     */
    public String issue(String tenant, EmailToken.Purpose purpose, long customerId, Long accountId) {
        return issue(tenant, purpose, customerId, accountId, null);
    }

    /** A new token, for an email change when change is given. */
    public String issue(String tenant, EmailToken.Purpose purpose, long customerId, Long accountId, EmailChange change) {
        Instant now = clock.instant();
        voidOpen(customerId, purpose);
        String token = Secrets.newToken();
        EmailToken stored = new EmailToken(Secrets.hash(token), tenant, purpose, customerId, accountId, now,
                now.plusSeconds(ttlSeconds));
        if (change != null) {
            stored.setEmailChange(change.fromEmail(), change.toEmail(), change.syncContactEmail());
        }
        em.persist(stored);
        return token;
    }

    /** What an email change token is for: the login's email when asked, the new one, and whether contactEmail follows. */
    public record EmailChange(String fromEmail, String toEmail, boolean syncContactEmail) {
    }

    /** The customer's open tokens of this purpose stop working (they count as used). */
    public void voidOpen(long customerId, EmailToken.Purpose purpose) {
        em.createNamedQuery(EmailToken.VOID_OPEN).setParameter("now", clock.instant()).setParameter("customerId", customerId)
                .setParameter("purpose", purpose).executeUpdate();
    }

    /** When the latest token of this purpose was issued for the account, or null. */
    public Instant lastIssued(long accountId, EmailToken.Purpose purpose) {
        return em.createNamedQuery(EmailToken.LAST_ISSUED, Instant.class).setParameter("accountId", accountId)
                .setParameter("purpose", purpose).getSingleResult();
    }

    /** Uses up a token of this tenant and purpose; 400 when it is unknown, used, expired or meant for something else. */
    public EmailToken redeem(String tenant, EmailToken.Purpose purpose, String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw invalid();
        }
        String hash = Secrets.hash(token);
        EmailToken stored = em.find(EmailToken.class, hash);
        Instant now = clock.instant();
        if (stored == null || !stored.isRedeemableFor(tenant, purpose, now)) {
            throw invalid();
        }
        int marked = em.createNamedQuery(EmailToken.MARK_USED).setParameter("now", now).setParameter("hash", hash)
                .executeUpdate();
        if (marked == 0) {
            throw invalid();
        }
        return stored;
    }

    private static ApiException invalid() {
        return ApiException.invalidEmailToken();
    }

    /** Deletes mailed tokens that expired or were used before cutoff; answers how many. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int purge(Instant cutoff) {
        return purge.all(EmailToken.PURGE, cutoff);
    }
}
