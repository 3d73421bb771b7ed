package org.opencommerce.customer.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.opencommerce.customer.platform.data.Backoff;
import org.opencommerce.customer.platform.data.OutboxEntry;

import java.time.Instant;

/** A mail of the outbox: sent once, retried with backoff until it is (it never gives up). */
@Entity
@Table(name = "outbox_mail")
@NamedNativeQuery(name = OutboxMail.PURGE_SENT, query = "DELETE FROM outbox_mail WHERE sent_at < ?1 LIMIT ?2")
@NamedQuery(name = OutboxMail.CLAIM_DUE, query = "UPDATE OutboxMail m SET m.claimId = :claim, m.claimedUntil = :until "
        + "WHERE m.sentAt IS NULL AND m.nextAttemptAt <= :now AND (m.claimedUntil IS NULL OR m.claimedUntil < :now)")
@NamedQuery(name = OutboxMail.CLAIMED, query = "SELECT m FROM OutboxMail m "
        + "WHERE m.sentAt IS NULL AND m.claimId = :claim ORDER BY m.id")
@NamedQuery(name = OutboxMail.COUNT_QUEUED, query = "SELECT COUNT(m) FROM OutboxMail m WHERE m.sentAt IS NULL")
public class OutboxMail extends OutboxEntry {

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

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMail() {
    }

    public OutboxMail(String tenant, String sender, String recipient, String subject, String textBody, String htmlBody,
                      Instant now) {
        super(now);
        this.tenant = tenant;
        this.sender = sender;
        this.recipient = recipient;
        this.subject = subject;
        this.textBody = textBody;
        this.htmlBody = htmlBody;
    }

    /**
     * Delivered: the bodies are dropped, since they may carry live tokens (reset, activation links) that must not stay
     * readable in the database; the row keeps who was mailed what and when.
     */
    public void sent(Instant now) {
        sentAt = now;
        attemptSucceeded();
        textBody = "";
        htmlBody = null;
    }

    /** A failed attempt: due again after the backoff. */
    public void failed(Instant now, String error, Backoff backoff) {
        retryLater(now, error, backoff);
    }

    public Long getId() { return id; }
    public String getSender() { return sender; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getTextBody() { return textBody; }
    public String getHtmlBody() { return htmlBody; }
}
