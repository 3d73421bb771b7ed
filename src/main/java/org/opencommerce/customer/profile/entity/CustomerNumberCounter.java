package org.opencommerce.customer.profile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;

/**
 * The next automatic customer number of one tenant. Numbers run per tenant; a number chosen by the back office moves
 * the counter past it, so an automatic number never meets a chosen one.
 */
@Entity
@Table(name = "customer_number_counter")
@NamedNativeQuery(name = CustomerNumberCounter.CREATE_IF_ABSENT,
        query = "INSERT IGNORE INTO customer_number_counter (tenant, next_number) VALUES (?1, ?2)")
public class CustomerNumberCounter {

    /** A tenant's counter, made by its first customer (concurrent first customers make it once). */
    public static final String CREATE_IF_ABSENT = "CustomerNumberCounter.createIfAbsent";

    /** The first automatic number of a tenant. */
    public static final long FIRST_NUMBER = 10_000_000L;

    @Id
    @Column(length = 16)
    private String tenant;

    @Column(name = "next_number", nullable = false)
    private long nextNumber;

    protected CustomerNumberCounter() {
    }

    /** The next automatic number, taken. */
    public long take() {
        return nextNumber++;
    }

    /** A number chosen by the back office: later automatic numbers come after it. */
    public void reserve(long number) {
        nextNumber = Math.max(nextNumber, number + 1);
    }
}
