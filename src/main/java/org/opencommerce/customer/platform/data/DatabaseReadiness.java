package org.opencommerce.customer.platform.data;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Ready only while the database answers: DOWN at once while it refuses this node ({@link DatabaseAvailability}), else
 * decided within two seconds: a database that hangs (rather than refuses) makes the check DOWN in time for a load
 * balancer, instead of leaving it without an answer.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final String NAME = "database";
    private static final int CHECK_SECONDS = 1;

    @Resource(lookup = "jdbc/customer")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    DatabaseAvailability availability;

    @Override
    public HealthCheckResponse call() {
        if (availability.refusing()) {
            return HealthCheckResponse.named(NAME).down().withData("error", availability.refusal()).build();
        }
        Future<Boolean> check = executor.submit(this::answers);
        try {
            return HealthCheckResponse.named(NAME).status(check.get(CHECK_SECONDS + 1L, TimeUnit.SECONDS)).build();
        } catch (TimeoutException e) {
            check.cancel(true);
            return HealthCheckResponse.named(NAME).down().withData("error", "no answer within " + (CHECK_SECONDS + 1) + " s").build();
        } catch (ExecutionException e) {
            return HealthCheckResponse.named(NAME).down().withData("error", e.getCause().getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named(NAME).down().build();
        }
    }

    private boolean answers() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(CHECK_SECONDS);
        }
    }
}
