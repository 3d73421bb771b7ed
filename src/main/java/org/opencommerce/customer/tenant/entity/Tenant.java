package org.opencommerce.customer.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A shop (the spec's tenant): every customer, token and setting belongs to exactly one. */
@Entity
@Table(name = "tenant")
@NamedQuery(name = Tenant.ALL, query = "SELECT t FROM Tenant t ORDER BY t.name")
public class Tenant {

    public static final String ALL = "Tenant.all";

    public static final int DEFAULT_ANONYMOUS_TOKEN_TTL = 3599;
    public static final int DEFAULT_CUSTOMER_TOKEN_TTL = 2591999;
    public static final int DEFAULT_REFRESH_TOKEN_TTL = 86399;
    public static final int DEFAULT_REFRESH_REUSE_INTERVAL = 30;

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

    /** Seconds after its first use in which a refresh token still gives a new pair of the same session. */
    @Column(name = "refresh_reuse_interval", nullable = false)
    private int refreshReuseIntervalSeconds = DEFAULT_REFRESH_REUSE_INTERVAL;

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

    @Column(name = "social_issuer")
    private String socialIssuer;

    @Column(name = "social_client_id")
    private String socialClientId;

    /** Write-only through the admin API: never answered, never logged. */
    @Column(name = "social_client_secret")
    private String socialClientSecret;

    @Column(name = "social_scopes")
    private String socialScopes;

    @Column(name = "password_min_length")
    private Integer passwordMinLength;

    @Column(name = "password_min_strength")
    private Integer passwordMinStrength;

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

    public String getSocialIssuer() {
        return socialIssuer;
    }

    public String getSocialClientId() {
        return socialClientId;
    }

    public String getSocialClientSecret() {
        return socialClientSecret;
    }

    public String getSocialScopes() {
        return socialScopes;
    }

    /** The tenant's own minimum password length; null: the service's default. */
    public Integer getPasswordMinLength() {
        return passwordMinLength;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setDoubleOptIn(boolean doubleOptIn) {
        this.doubleOptIn = doubleOptIn;
    }

    public void setTokenLifetimes(int anonymousSeconds, int customerSeconds, int refreshSeconds) {
        this.anonymousTokenTtlSeconds = anonymousSeconds;
        this.customerTokenTtlSeconds = customerSeconds;
        this.refreshTokenTtlSeconds = refreshSeconds;
    }

    public int getRefreshReuseIntervalSeconds() {
        return refreshReuseIntervalSeconds;
    }

    public void setRefreshReuseIntervalSeconds(int seconds) {
        this.refreshReuseIntervalSeconds = seconds;
    }

    public void setMail(String mailFrom, String optInUrl, String passwordResetUrl, String emailChangeUrl, String deletionUrl) {
        this.mailFrom = mailFrom;
        this.optInUrl = optInUrl;
        this.passwordResetUrl = passwordResetUrl;
        this.emailChangeUrl = emailChangeUrl;
        this.deletionUrl = deletionUrl;
    }

    /** The tenant's OpenID provider; the client secret as sealed by SecretBox; a null secret keeps the stored one. */
    public void setSocialLogin(String issuer, String clientId, String clientSecret, String scopes) {
        this.socialIssuer = issuer;
        this.socialClientId = clientId;
        if (clientSecret != null || issuer == null) {
            this.socialClientSecret = clientSecret;
        }
        this.socialScopes = scopes;
    }

    public void setPasswordMinLength(Integer passwordMinLength) {
        this.passwordMinLength = passwordMinLength;
    }

    public Integer getPasswordMinStrength() {
        return passwordMinStrength;
    }

    public void setPasswordMinStrength(Integer passwordMinStrength) {
        this.passwordMinStrength = passwordMinStrength;
    }
}
