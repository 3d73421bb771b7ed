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
    private static final int MIGRATION_ATTEMPTS = 5;

    @Resource(lookup = "jdbc/customer")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "DB_STARTUP_WAIT_SECONDS", defaultValue = "60")
    int waitSeconds;

    /**
     * Migrates. Nodes that start at the same moment race for Liquibase's tables and changelog lock: on a Galera
     * cluster, where the row lock holds on one node only and DDL is applied cluster-wide, the losers fail (a conflict,
     * 1213, or "table DATABASECHANGELOG already exists", 1050); they try again, up to MIGRATION_ATTEMPTS times, and
     * then wait for the lock or find the changelog applied. A changelog that cannot be applied fails every attempt.
     */
    @PostConstruct
    void migrate() {
        for (int attempt = 1; ; attempt++) {
            try {
                update();
                return;
            } catch (IllegalStateException e) {
                if (attempt >= MIGRATION_ATTEMPTS) {
                    throw e;
                }
                LOG.warning("Database migration attempt " + attempt + " failed, trying again: " + rootMessage(e));
                sleep();
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
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
