package org.opencommerce.customer.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A shop (the spec's tenant): every customer, token and setting belongs to exactly one. */
@Entity
@Table(name = "tenant")
public class Tenant {

    public static final int DEFAULT_ANONYMOUS_TOKEN_TTL = 3599;
    public static final int DEFAULT_CUSTOMER_TOKEN_TTL = 2591999;
    public static final int DEFAULT_REFRESH_TOKEN_TTL = 86399;

    @Id
    @Column(length = 16)
    private String name;

    @Column(name = "double_opt_in", nullable = false)
    private boolean doubleOptIn;

    @Column(name = "anonymous_token_ttl", nullable = false)
    private int anonymousTokenTtlSeconds = DEFAULT_ANONYMOUS_TOKEN_TTL;

    @Column(name = "customer_token_ttl", nullable = false)
    private int customerTokenTtlSeconds = DEFAULT_CUSTOMER_TOKEN_TTL;

    @Column(name = "refresh_token_ttl", nullable = false)
    private int refreshTokenTtlSeconds = DEFAULT_REFRESH_TOKEN_TTL;

    @Column(name = "mail_from")
    private String mailFrom;

    @Column(name = "opt_in_url")
    private String optInUrl;

    @Column(name = "password_reset_url")
    private String passwordResetUrl;

    @Column(name = "email_change_url")
    private String emailChangeUrl;

    @Column(name = "deletion_url")
    private String deletionUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public String getName() {
        return name;
    }

    public boolean isDoubleOptIn() {
        return doubleOptIn;
    }

    public int getAnonymousTokenTtlSeconds() {
        return anonymousTokenTtlSeconds;
    }

    public int getCustomerTokenTtlSeconds() {
        return customerTokenTtlSeconds;
    }

    public int getRefreshTokenTtlSeconds() {
        return refreshTokenTtlSeconds;
    }

    /** The sender of this tenant's mails; null: the server's mail session default (MAIL_FROM). */
    public String getMailFrom() {
        return mailFrom;
    }

    /** Storefront link templates with a {token} placeholder; null: the service's default. */
    public String getOptInUrl() {
        return optInUrl;
    }

    public String getPasswordResetUrl() {
        return passwordResetUrl;
    }

    public String getEmailChangeUrl() {
        return emailChangeUrl;
    }

    public String getDeletionUrl() {
        return deletionUrl;
    }
}
