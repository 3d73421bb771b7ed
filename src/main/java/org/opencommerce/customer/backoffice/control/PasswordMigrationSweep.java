package org.opencommerce.customer.backoffice.control;

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

/** Runs the password migration sweep ({@link PasswordMigrations#sweep}) every MIGRATION_SWEEP_SECONDS. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@Lock(LockType.READ)
public class PasswordMigrationSweep {

    private static final Logger LOG = Logger.getLogger(PasswordMigrationSweep.class.getName());

    @Resource
    TimerService timers;

    @Inject
    PasswordMigrations migrations;

    @Inject
    @ConfigProperty(name = "MIGRATION_SWEEP_SECONDS", defaultValue = "3600")
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
            migrations.sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The password migration sweep failed; it runs again in " + intervalSeconds + " s: " + e);
        }
    }
}
