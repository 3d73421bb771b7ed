package org.opencommerce.customer.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.cluster.PeriodicWork;

import java.time.Duration;

/**
 * Keeps the data bounded: once every PURGE_INTERVAL_SECONDS in the whole cluster (the node that takes the lease)
 * deletes what can no longer be used, RETENTION_SECONDS after it stopped being usable: refresh
 * tokens and grants without a live token, mailed tokens, sent mails, delivered webhooks; and sign-ups never confirmed
 * within UNCONFIRMED_SIGNUP_SECONDS ({@link ExpiredData#purge}).
 */
@ApplicationScoped
public class Retention implements PeriodicWork {

    @Inject
    ExpiredData expiredData;

    @Inject
    @ConfigProperty(name = "PURGE_INTERVAL_SECONDS", defaultValue = "3600")
    long intervalSeconds;

    @Override
    public String name() {
        return "purge";
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }

    @Override
    public void run() {
        expiredData.purge();
    }

    @Override
    public boolean oncePerCluster() {
        return true;
    }
}
