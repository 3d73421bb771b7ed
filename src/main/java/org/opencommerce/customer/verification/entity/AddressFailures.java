package org.opencommerce.customer.verification.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;

/** Failed password checks from one client address, whatever the account, and until when that address is throttled. */
@Entity
@Table(name = "address_failures")
@Cacheable(false)
@NamedNativeQuery(name = AddressFailures.COUNT, query = "INSERT INTO address_failures "
        + "(client_address, failures, last_failure_at) VALUES (?1, 1, ?2) "
        + "ON DUPLICATE KEY UPDATE failures = IF(last_failure_at < ?3, 1, failures + 1), last_failure_at = ?2")
public class AddressFailures extends FailureCount {

    public static final String COUNT = "AddressFailures.count";

    @Id
    @Column(name = "client_address", length = 45)
    private String clientAddress;

    protected AddressFailures() {
    }
}
