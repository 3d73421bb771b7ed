package org.opencommerce.customer.admin.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the data bounded: every PURGE_INTERVAL_SECONDS one node at a time (the others wait for the cluster lock and
 * then find little left) deletes what can no longer be used, RETENTION_SECONDS after it stopped being usable: refresh
 * tokens and grants without a live token, mailed tokens, sent mails, delivered webhooks; and sign-ups never confirmed within
 * UNCONFIRMED_SIGNUP_SECONDS ({@link ExpiredData#purge}). Each kind is deleted in a transaction of its own.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@Lock(LockType.READ)
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ExpiredData expiredData;

    @Inject
    @ConfigProperty(name = "PURGE_INTERVAL_SECONDS", defaultValue = "3600")
    long intervalSeconds;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(intervalSeconds * 1000, intervalSeconds * 1000, new TimerConfig(null, false));
    }

    /** Never fails (the server cancels a timer whose callback keeps failing): a failed run is tried again next time. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        try {
            expiredData.purge();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The purge failed; it runs again in " + intervalSeconds + " s: " + e);
        }
    }
}
