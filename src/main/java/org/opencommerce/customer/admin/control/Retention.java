package org.opencommerce.customer.admin.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.events.control.WebhookStore;
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

/**
 * Keeps the data bounded: every PURGE_INTERVAL_SECONDS one node at a time (the others wait for the cluster lock and
 * then find little left) deletes what can no longer be used, RETENTION_SECONDS after it stopped being usable: refresh
 * tokens and grants without a live token, mailed tokens, sent mails, delivered webhooks; and sign-ups never confirmed within
 * UNCONFIRMED_SIGNUP_SECONDS. Each kind is deleted in a transaction of its own.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@Lock(LockType.READ)
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    TimerService timers;

    @Resource
    SessionContext context;

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
    @ConfigProperty(name = "PURGE_INTERVAL_SECONDS", defaultValue = "3600")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "RETENTION_SECONDS", defaultValue = "604800")
    long retentionSeconds;

    @Inject
    @ConfigProperty(name = "UNCONFIRMED_SIGNUP_SECONDS", defaultValue = "2592000")
    long unconfirmedSignupSeconds;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(intervalSeconds * 1000, intervalSeconds * 1000, new TimerConfig(null, false));
    }

    /** Never fails (the server cancels a timer whose callback keeps failing): a failed run is tried again next time. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        try {
            context.getBusinessObject(Retention.class).purge();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The purge failed; it runs again in " + intervalSeconds + " s: " + e);
        }
    }

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
