package org.opencommerce.customer.credentials.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.credentials.entity.EmailToken;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Secrets;

import java.time.Clock;
import java.time.Instant;

/** Issues and redeems the single-use tokens sent by mail. */
@Stateless
public class EmailTokens {

    @PersistenceContext
    EntityManager em;

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
        return issue(tenant, purpose, customerId, accountId, null, false);
    }

    public String issue(String tenant, EmailToken.Purpose purpose, long customerId, Long accountId, String newEmail,
                        boolean syncContactEmail) {
        Instant now = clock.instant();
        em.createNamedQuery(EmailToken.VOID_OPEN).setParameter("now", now).setParameter("customerId", customerId)
                .setParameter("purpose", purpose).executeUpdate();
        String token = Secrets.newToken();
        EmailToken stored = new EmailToken(Secrets.hash(token), tenant, purpose, customerId, accountId, now,
                now.plusSeconds(ttlSeconds));
        stored.setEmailChange(newEmail, syncContactEmail);
        em.persist(stored);
        return token;
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
}
