package org.opencommerce.customer.backoffice.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.cluster.PeriodicWork;

import java.time.Duration;

/** Runs the password migration sweep ({@link PasswordMigrations#sweep}) once every MIGRATION_SWEEP_SECONDS in the cluster. */
@ApplicationScoped
public class PasswordMigrationSweep implements PeriodicWork {

    @Inject
    PasswordMigrations migrations;

    @Inject
    @ConfigProperty(name = "MIGRATION_SWEEP_SECONDS", defaultValue = "3600")
    long intervalSeconds;

    @Override
    public String name() {
        return "password-migration";
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }

    @Override
    public void run() {
        migrations.sweep();
    }

    @Override
    public boolean oncePerCluster() {
        return true;
    }
}
