package org.opencommerce.customer.admin.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.webhooks.control.WebhookStore;
import org.opencommerce.customer.mail.control.OutboxStore;
import org.opencommerce.customer.platform.cluster.ClusterLock;
import org.opencommerce.customer.platform.cluster.Invalidations;
import org.opencommerce.customer.profile.control.Accounts;
import org.opencommerce.customer.secrets.control.EmailTokens;
import org.opencommerce.customer.token.control.Grants;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One purge of what can no longer be used, for {@link Retention}'s timer: RETENTION_SECONDS after it stopped being usable. */
@Stateless
public class ExpiredData {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Grants grants;

    @Inject
    EmailTokens emailTokens;

    @Inject
    OutboxStore outbox;

    @Inject
    Accounts accounts;

    @Inject
    WebhookStore webhooks;

    @Inject
    Invalidations invalidations;

    @Inject
    @ConfigProperty(name = "RETENTION_SECONDS", defaultValue = "604800")
    long retentionSeconds;

    @Inject
    @ConfigProperty(name = "UNCONFIRMED_SIGNUP_SECONDS", defaultValue = "2592000")
    long unconfirmedSignupSeconds;

    /** One purge, holding the cluster lock for its length. */
    public void purge() {
        ClusterLock.acquire(em, ClusterLock.PURGE);
        Instant now = clock.instant();
        Instant cutoff = now.minusSeconds(retentionSeconds);
        int deleted = grants.purge(cutoff) + emailTokens.purge(cutoff) + outbox.purgeSent(cutoff) + webhooks.purgeDelivered(cutoff)
                + accounts.purgeUnconfirmed(now.minusSeconds(unconfirmedSignupSeconds)) + invalidations.purge();
        LOG.log(deleted > 0 ? Level.INFO : Level.FINE, "Purge: deleted " + deleted + " rows no longer in use");
    }
}
