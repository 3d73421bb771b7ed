package org.opencommerce.customer.verification.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * Failed password checks of one account from one client address, and until when that pair is locked. Counted with one
 * atomic upsert, so that concurrent failures are all counted; a count whose last failure is older than the decay
 * time starts again.
 */
@Entity
@Table(name = "password_failures")
@IdClass(PasswordFailures.Key.class)
@Cacheable(false)
@NamedNativeQuery(name = PasswordFailures.COUNT, query = "INSERT INTO password_failures "
        + "(account_id, client_address, failures, last_failure_at) VALUES (?1, ?2, 1, ?3) "
        + "ON DUPLICATE KEY UPDATE failures = IF(last_failure_at < ?4, 1, failures + 1), last_failure_at = ?3")
@NamedQuery(name = PasswordFailures.FORGET,
        query = "DELETE FROM PasswordFailures f WHERE f.accountId = :accountId AND f.clientAddress = :address")
public class PasswordFailures extends FailureCount {

    public static final String COUNT = "PasswordFailures.count";
    public static final String FORGET = "PasswordFailures.forget";

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Id
    @Column(name = "client_address", length = 45)
    private String clientAddress;

    protected PasswordFailures() {
    }

    /** The primary key: account and client address. */
    public static class Key implements Serializable {
        private long accountId;
        private String clientAddress;

        public Key() {
        }

        public Key(long accountId, String clientAddress) {
            this.accountId = accountId;
            this.clientAddress = clientAddress;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.accountId == accountId && Objects.equals(key.clientAddress, clientAddress);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, clientAddress);
        }
    }
}
