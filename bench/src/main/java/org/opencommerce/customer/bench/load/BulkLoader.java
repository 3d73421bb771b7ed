package org.opencommerce.customer.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Preloads customers with a login each, straight into the service's database: batched inserts with one password hash
 * computed once (every account has the same password), foreign-key and unique checks off for the session.
 */
final class BulkLoader {

    static final String EMAIL_PREFIX = "bench-";
    static final String EMAIL_DOMAIN = "@load.example";
    private static final long FIRST_ID = 900_000_000L;
    private static final int BATCH = 5_000;

    private final String url;
    private final String user;
    private final String password;
    private final String tenant;

    BulkLoader(String url, String user, String password, String tenant) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.tenant = tenant;
    }

    /** The customer number of the i-th preloaded customer. */
    static long id(long i) {
        return FIRST_ID + i;
    }

    static String email(long i) {
        return EMAIL_PREFIX + i + EMAIL_DOMAIN;
    }

    long count() throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM login_account WHERE tenant = ? AND email LIKE ?")) {
            query.setString(1, tenant);
            query.setString(2, EMAIL_PREFIX + "%" + EMAIL_DOMAIN);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The password hash the service stored for the account of email in the tenant. */
    String storedHash(String email) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT password_hash FROM login_account WHERE tenant = ? AND email = ?")) {
            query.setString(1, tenant);
            query.setString(2, email);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no account " + email);
                }
                return rows.getString(1);
            }
        }
    }

    /** Loads customers until there are target of them; answers the seconds it took. */
    double loadUpTo(long target, String passwordHash) throws SQLException {
        long start = System.nanoTime();
        long present = count();
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement session = connection.createStatement()) {
                session.execute("SET foreign_key_checks = 0");
                session.execute("SET unique_checks = 0");
            }
            try (PreparedStatement customers = connection.prepareStatement("INSERT INTO customer "
                    + "(id, customer_number, tenant, first_name, last_name, contact_email, created_at, modified_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)");
                 // the tenant's automatic numbers continue after the loaded ones (the service allocates from this row)
                 PreparedStatement counter = connection.prepareStatement("INSERT INTO customer_number_counter "
                         + "(tenant, next_number) VALUES (?, ?) ON DUPLICATE KEY UPDATE next_number = GREATEST(next_number, ?)");
                 PreparedStatement accounts = connection.prepareStatement("INSERT INTO login_account "
                         + "(tenant, email, customer_id, password_hash, initial_password, created_at, activated) "
                         + "VALUES (?, ?, ?, ?, false, ?, true)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (long i = present; i < target; i++) {
                    customers.setLong(1, FIRST_ID + i);
                    customers.setLong(2, FIRST_ID + i);
                    customers.setString(3, tenant);
                    customers.setString(4, "Bench");
                    customers.setString(5, "Customer " + i);
                    customers.setString(6, email(i));
                    customers.setTimestamp(7, now);
                    customers.setTimestamp(8, now);
                    customers.addBatch();
                    accounts.setString(1, tenant);
                    accounts.setString(2, email(i));
                    accounts.setLong(3, FIRST_ID + i);
                    accounts.setString(4, passwordHash);
                    accounts.setTimestamp(5, now);
                    accounts.addBatch();
                    if ((i + 1 - present) % BATCH == 0 || i + 1 == target) {
                        customers.executeBatch();
                        accounts.executeBatch();
                        connection.commit();
                    }
                }
                counter.setString(1, tenant);
                counter.setLong(2, FIRST_ID + target);
                counter.setLong(3, FIRST_ID + target);
                counter.executeUpdate();
                connection.commit();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
