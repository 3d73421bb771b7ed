package org.opencommerce.customer.profile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** One way to log in to a customer profile: an email (unique in the tenant) with a password or a social identity. */
@Entity
@Table(name = "login_account")
@NamedQuery(name = LoginAccount.BY_EMAIL,
        query = "SELECT a FROM LoginAccount a JOIN FETCH a.customer WHERE a.tenant = :tenant AND a.email = :email")
@NamedQuery(name = LoginAccount.BY_PROVIDER, query = "SELECT a FROM LoginAccount a JOIN FETCH a.customer "
        + "WHERE a.tenant = :tenant AND a.providerIssuer = :issuer AND a.providerId = :subject")
@NamedQuery(name = LoginAccount.COUNT_BY_EMAIL,
        query = "SELECT COUNT(a) FROM LoginAccount a WHERE a.tenant = :tenant AND a.email = :email")
public class LoginAccount {

    public static final String BY_EMAIL = "LoginAccount.byEmail";
    public static final String COUNT_BY_EMAIL = "LoginAccount.countByEmail";
    public static final String BY_PROVIDER = "LoginAccount.byProvider";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 16)
    private String tenant;

    /** Lower-cased: emails are compared without regard to case. */
    @Column(nullable = false, length = 254)
    private String email;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Column(name = "password_hash")
    private String passwordHash;

    /** The OpenID provider (issuer) and the customer's subject there, for a social login. */
    @Column(name = "provider_issuer")
    private String providerIssuer;

    @Column(name = "provider_id")
    private String providerId;

    @Column(name = "initial_password", nullable = false)
    private boolean initialPassword;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_login")
    private Instant lastLogin;

    /** False while a double opt-in sign-up waits for its confirmation: such an account cannot log in. */
    @Column(nullable = false)
    private boolean activated = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LoginAccount() {
    }

    public LoginAccount(Customer customer, String email, String passwordHash, Instant createdAt) {
        this.customer = customer;
        this.tenant = customer.getTenant();
        this.email = normalize(email);
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        customer.getAccounts().add(this);
    }

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed password; past the free attempts each further failure locks the account for twice as long. */
    public void recordFailedLogin(Instant now, int freeAttempts, long baseSeconds, long maxSeconds) {
        failedLogins++;
        int over = failedLogins - freeAttempts;
        if (over >= 0) {
            long seconds = Math.min(maxSeconds, baseSeconds << Math.min(over, 20));
            lockedUntil = now.plusSeconds(seconds);
        }
    }

    /** Kept on the account rather than the profile, so that logging in does not change the profile's version. */
    public void recordSuccessfulLogin(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLogin = now;
    }

    /** Links this login to a subject of an OpenID provider. */
    public void linkProvider(String issuer, String subject) {
        this.providerIssuer = issuer;
        this.providerId = subject;
    }

    public boolean isActivated() {
        return activated;
    }

    public void setActivated(boolean activated) {
        this.activated = activated;
    }

    /** A new password set by the customer: it is no longer an initial one, and earlier failures no longer count. */
    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.initialPassword = false;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    public void changeEmail(String email) {
        this.email = normalize(email);
    }

    public Instant getLastLogin() {
        return lastLogin;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getProviderId() {
        return providerId;
    }

    public boolean isInitialPassword() {
        return initialPassword;
    }

    public int getFailedLogins() {
        return failedLogins;
    }
}
