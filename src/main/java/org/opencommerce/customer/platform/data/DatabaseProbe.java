package org.opencommerce.customer.platform.data;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.cluster.PeriodicWork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Asks the database a trivial question every DB_PROBE_MILLIS and tells {@link DatabaseAvailability} whether it was
 * refused. The question reads a table: a Galera node outside the primary component still answers a ping, but refuses
 * queries ("WSREP has not yet prepared node for application use").
 */
@ApplicationScoped
public class DatabaseProbe implements PeriodicWork {

    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class.getName());
    private static final String QUESTION = "SELECT name FROM cluster_lock LIMIT 1";
    private static final int ANSWER_SECONDS = 2;

    @Resource(lookup = "jdbc/customer")
    DataSource dataSource;

    @Inject
    DatabaseAvailability availability;

    @Inject
    @ConfigProperty(name = "DB_PROBE_MILLIS", defaultValue = "500")
    long probeMillis;

    @Override
    public String name() {
        return "database-probe";
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(probeMillis);
    }

    /** The probe is what tells whether the database answers: it runs while it refuses. */
    @Override
    public boolean needsDatabase() {
        return false;
    }

    @Override
    public void run() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(ANSWER_SECONDS);
            statement.executeQuery(QUESTION).close();
            if (availability.refusing()) {
                LOG.info("The database answers again");
            }
            availability.answered();
        } catch (SQLException e) {
            if (!availability.refusing()) {
                LOG.warning("The database refuses this node; requests are answered 503 until it answers again: " + e);
            }
            availability.refused(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
