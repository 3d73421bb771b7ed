package org.opencommerce.customer.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A mail waiting to be sent. Written in the same transaction as the change it tells about, so a rolled-back request
 * sends nothing and a committed one is never forgotten; the sender delivers it afterwards, retrying with backoff.
 */
@Entity
@Table(name = "outbox_mail")
@NamedQuery(name = OutboxMail.PURGE_SENT, query = "DELETE FROM OutboxMail m WHERE m.sentAt < :cutoff")
@NamedQuery(name = OutboxMail.CLAIM_DUE, query = "UPDATE OutboxMail m SET m.claimId = :claim, m.claimedUntil = :until "
        + "WHERE m.sentAt IS NULL AND m.nextAttemptAt <= :now AND (m.claimedUntil IS NULL OR m.claimedUntil < :now)")
@NamedQuery(name = OutboxMail.CLAIMED, query = "SELECT m FROM OutboxMail m "
        + "WHERE m.sentAt IS NULL AND m.claimId = :claim ORDER BY m.id")
@NamedQuery(name = OutboxMail.COUNT_QUEUED, query = "SELECT COUNT(m) FROM OutboxMail m WHERE m.sentAt IS NULL")
public class OutboxMail {

    public static final String PURGE_SENT = "OutboxMail.purgeSent";
    public static final String CLAIM_DUE = "OutboxMail.claimDue";
    public static final String COUNT_QUEUED = "OutboxMail.countQueued";
    public static final String CLAIMED = "OutboxMail.claimed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String tenant;

    private String sender;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(name = "text_body", nullable = false)
    private String textBody;

    @Column(name = "html_body")
    private String htmlBody;

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

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxMail() {
    }

    public OutboxMail(String tenant, String sender, String recipient, String subject, String textBody, String htmlBody,
                      Instant now) {
        this.tenant = tenant;
        this.sender = sender;
        this.recipient = recipient;
        this.subject = subject;
        this.textBody = textBody;
        this.htmlBody = htmlBody;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /**
     * Delivered: the bodies are dropped, since they may carry live tokens (reset, activation links) that must not stay
     * readable in the database; the row keeps who was mailed what and when.
     */
    public void sent(Instant now) {
        sentAt = now;
        claimedUntil = null;
        attempts++;
        textBody = "";
        htmlBody = null;
    }

    /** A failed attempt: the next one after a delay that doubles each time, up to maxDelaySeconds. */
    public void failed(Instant now, String error, long baseDelaySeconds, long maxDelaySeconds) {
        attempts++;
        long delay = Math.min(maxDelaySeconds, baseDelaySeconds << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plusSeconds(delay);
        claimedUntil = null;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
    }

    public Long getId() { return id; }
    public String getSender() { return sender; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getTextBody() { return textBody; }
    public String getHtmlBody() { return htmlBody; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
}
