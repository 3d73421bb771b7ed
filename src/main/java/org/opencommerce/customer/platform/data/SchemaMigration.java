package org.opencommerce.customer.platform.data;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Brings the database schema up to date with the Liquibase changelogs (the repository's {@code liquibase/}) before
 * anything else touches it, so that a new deployment migrates itself. Waits for the database for a while, as a
 * container may start before it.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    private static final String CHANGELOG = "liquibase/changelog.xml";

    @Resource(lookup = "jdbc/customer")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "DB_STARTUP_WAIT_SECONDS", defaultValue = "60")
    int waitSeconds;

    /**
     * Migrates; on a Galera cluster, of nodes starting at the same moment all but one lose the race for Liquibase's
     * changelog lock with a conflict (1213) and try again, then find the lock held or the changelog applied.
     */
    @PostConstruct
    void migrate() {
        TransactionConflict.retried(() -> {
            update();
            return null;
        });
    }

    private void update() {
        try (Connection connection = connect()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(getClass().getClassLoader()), database);
            liquibase.update(new Contexts(), new LabelExpression());
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            LOG.info("Database schema is up to date");
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("Database migration failed", e);
        }
    }

    private Connection connect() throws SQLException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(waitSeconds));
        while (true) {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                LOG.warning("Database not reachable yet (" + e.getMessage() + "), retrying");
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }
}
