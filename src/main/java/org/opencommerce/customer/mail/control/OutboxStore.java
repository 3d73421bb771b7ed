package org.opencommerce.customer.mail.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.mail.entity.OutboxMail;
import org.opencommerce.customer.platform.crypto.Secrets;
import org.opencommerce.customer.platform.data.Backoff;
import org.opencommerce.customer.platform.data.ChunkedPurge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The outbox's bookkeeping, each step in its own short transaction (sending itself runs outside any). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    /** How long a node may hold claimed mails before another node may take them over. */
    static final long CLAIM_SECONDS = 120;

    @PersistenceContext
    EntityManager em;

    @Inject
    ChunkedPurge purge;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "OUTBOX_RETRY_BASE_SECONDS", defaultValue = "15")
    long retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "OUTBOX_RETRY_MAX_SECONDS", defaultValue = "3600")
    long retryMaxSeconds;

    /** Claims the due mails for this node (an atomic update, so two nodes never send the same mail) and answers them. */
    public List<OutboxMail> claimDue() {
        Instant now = clock.instant();
        String claim = Secrets.newId();
        int claimed = em.createNamedQuery(OutboxMail.CLAIM_DUE).setParameter("claim", claim)
                .setParameter("until", now.plusSeconds(CLAIM_SECONDS)).setParameter("now", now).executeUpdate();
        if (claimed == 0) {
            return List.of();
        }
        return em.createNamedQuery(OutboxMail.CLAIMED, OutboxMail.class).setParameter("claim", claim).getResultList();
    }

    /** Mails not sent yet, whether due now or waiting for a retry. */
    public long countQueued() {
        return em.createNamedQuery(OutboxMail.COUNT_QUEUED, Long.class).getSingleResult();
    }

    public void markSent(long id) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail != null) {
            mail.sent(clock.instant());
        }
    }

    public void markFailed(long id, String error) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail != null) {
            mail.failed(clock.instant(), error,
                    Backoff.untilDone(Duration.ofSeconds(retryBaseSeconds), Duration.ofSeconds(retryMaxSeconds)));
        }
    }

    /** Deletes mails sent before cutoff (unsent ones stay, however old); answers how many. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int purgeSent(Instant cutoff) {
        return purge.all(OutboxMail.PURGE_SENT, cutoff);
    }
}
