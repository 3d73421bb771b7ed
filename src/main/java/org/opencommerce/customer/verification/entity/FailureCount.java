package org.opencommerce.customer.verification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/** Failed password checks counted against something (an account and address, an address), and its lock. */
@MappedSuperclass
public abstract class FailureCount {

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    public int getFailures() {
        return failures;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public void lockUntil(Instant until) {
        this.lockedUntil = until;
    }
}
