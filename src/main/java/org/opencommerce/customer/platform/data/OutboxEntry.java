package org.opencommerce.customer.platform.data;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * A message of the transactional outbox, whatever its channel (a mail, a webhook delivery): written in the transaction
 * of the change it tells about, so a rolled-back change sends nothing and a committed one is never forgotten; then
 * claimed by one node at a time (a claim lapses at claimedUntil if that node stops), sent outside any transaction,
 * and tried again after a {@link Backoff} when sending fails. Each channel's entity adds what it sends and its state.
 */
@MappedSuperclass
public abstract class OutboxEntry {

    private static final int ERROR_LENGTH = 500;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claim_id")
    private String claimId;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxEntry() {
    }

    protected OutboxEntry(Instant queuedAt) {
        this.createdAt = queuedAt;
        this.nextAttemptAt = queuedAt;
    }

    /** The attempt succeeded. */
    protected void attemptSucceeded() {
        attempts++;
        releaseClaim();
    }

    /** The attempt failed: due again after the backoff (true), or not at all since its horizon is over (false). */
    protected boolean retryLater(Instant now, String error, Backoff backoff) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_LENGTH));
        releaseClaim();
        return backoff.next(attempts, now, createdAt).map(next -> {
            nextAttemptAt = next;
            return true;
        }).orElse(false);
    }

    /** Queued again as if new (a manual redelivery): due now, attempts and horizon from now. */
    protected void requeue(Instant now) {
        attempts = 0;
        createdAt = now;
        nextAttemptAt = now;
        releaseClaim();
    }

    /** The claim is given back: any node may claim the entry again. */
    public void releaseClaim() {
        claimId = null;
        claimedUntil = null;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }
}
