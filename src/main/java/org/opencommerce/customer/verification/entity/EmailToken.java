package org.opencommerce.customer.verification.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A single-use token sent by mail (activation, password reset, email change, deletion), stored only as the SHA-256
 * of its value and bound to one tenant, one purpose and one customer.
 */
@Entity
@Table(name = "email_token")
@Cacheable(false)
@NamedNativeQuery(name = EmailToken.PURGE, query = "DELETE FROM email_token WHERE (expires_at < ?1 OR used_at < ?1) LIMIT ?2")
@NamedQuery(name = EmailToken.MARK_USED,
        query = "UPDATE EmailToken t SET t.usedAt = :now WHERE t.tokenHash = :hash AND t.usedAt IS NULL")
@NamedQuery(name = EmailToken.VOID_OPEN, query = "UPDATE EmailToken t SET t.usedAt = :now "
        + "WHERE t.customerId = :customerId AND t.purpose = :purpose AND t.usedAt IS NULL")
@NamedQuery(name = EmailToken.LAST_ISSUED,
        query = "SELECT MAX(t.createdAt) FROM EmailToken t WHERE t.accountId = :accountId AND t.purpose = :purpose")
public class EmailToken {

    public static final String PURGE = "EmailToken.purge";
    public static final String MARK_USED = "EmailToken.markUsed";
    public static final String VOID_OPEN = "EmailToken.voidOpen";
    public static final String LAST_ISSUED = "EmailToken.lastIssued";

    public enum Purpose { OPT_IN, PASSWORD_RESET, EMAIL_CHANGE, DELETION }

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(nullable = false)
    private String tenant;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "new_email")
    private String newEmail;

    @Column(name = "bound_email")
    private String boundEmail;

    @Column(name = "sync_contact_email", nullable = false)
    private boolean syncContactEmail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected EmailToken() {
    }

    public EmailToken(String tokenHash, String tenant, Purpose purpose, long customerId, Long accountId,
                      Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.tenant = tenant;
        this.purpose = purpose;
        this.customerId = customerId;
        this.accountId = accountId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** An email change from boundEmail (the login's email when it was asked for) to newEmail. */
    public void setEmailChange(String boundEmail, String newEmail, boolean syncContactEmail) {
        this.boundEmail = boundEmail;
        this.newEmail = newEmail;
        this.syncContactEmail = syncContactEmail;
    }

    /** True while the login still has the email the change was asked for from. */
    public boolean isBoundTo(String currentEmail) {
        return boundEmail != null && boundEmail.equals(currentEmail);
    }

    public boolean isRedeemableFor(String tenant, Purpose purpose, Instant now) {
        return usedAt == null && this.tenant.equals(tenant) && this.purpose == purpose && expiresAt.isAfter(now);
    }

    public Long getCustomerId() { return customerId; }
    public Long getAccountId() { return accountId; }
    public String getNewEmail() { return newEmail; }
    public boolean isSyncContactEmail() { return syncContactEmail; }
}
