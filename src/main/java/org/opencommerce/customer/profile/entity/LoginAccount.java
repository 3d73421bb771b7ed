package org.opencommerce.customer.profile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** One way to log in to a customer profile: an email (unique in the tenant) with a password or a social identity. */
@Entity
@Table(name = "login_account")
@NamedNativeQuery(name = LoginAccount.PURGE_UNCLAIMED,
        query = "DELETE FROM login_account WHERE pending_claim = TRUE AND created_at < ?1 LIMIT ?2")
@NamedQuery(name = LoginAccount.BY_EMAIL,
        query = "SELECT a FROM LoginAccount a JOIN FETCH a.customer WHERE a.tenant = :tenant AND a.email = :email")
@NamedQuery(name = LoginAccount.BY_PROVIDER, query = "SELECT a FROM LoginAccount a JOIN FETCH a.customer "
        + "WHERE a.tenant = :tenant AND a.providerIssuer = :issuer AND a.providerId = :subject")
@NamedQuery(name = LoginAccount.COUNT_BY_EMAIL,
        query = "SELECT COUNT(a) FROM LoginAccount a WHERE a.tenant = :tenant AND a.email = :email")
@NamedQuery(name = LoginAccount.DROP_PENDING_CLAIM,
        query = "DELETE FROM LoginAccount a WHERE a.tenant = :tenant AND a.email = :email AND a.pendingClaim = true")
@NamedQuery(name = LoginAccount.LEGACY_OF_TENANT, query = "SELECT a FROM LoginAccount a JOIN FETCH a.customer "
        + "WHERE a.tenant = :tenant AND a.legacyAlgorithm IS NOT NULL AND a.id > :after ORDER BY a.id")
@NamedQuery(name = LoginAccount.COUNT_LEGACY_OF_TENANT,
        query = "SELECT COUNT(a) FROM LoginAccount a WHERE a.tenant = :tenant AND a.legacyAlgorithm IS NOT NULL")
@NamedQuery(name = LoginAccount.OF_CUSTOMERS,
        query = "SELECT a.customer.id, a FROM LoginAccount a WHERE a.customer.id IN :customerIds ORDER BY a.id")
public class LoginAccount {

    public static final String LEGACY_OF_TENANT = "LoginAccount.legacyOfTenant";
    public static final String COUNT_LEGACY_OF_TENANT = "LoginAccount.countLegacyOfTenant";
    /** Pairs of customer id and login. */
    public static final String OF_CUSTOMERS = "LoginAccount.ofCustomers";

    public static final String PURGE_UNCLAIMED = "LoginAccount.purgeUnclaimed";
    public static final String BY_EMAIL = "LoginAccount.byEmail";
    public static final String COUNT_BY_EMAIL = "LoginAccount.countByEmail";
    public static final String BY_PROVIDER = "LoginAccount.byProvider";
    public static final String DROP_PENDING_CLAIM = "LoginAccount.dropPendingClaim";
    public static final int MAX_EMAIL_LENGTH = 254;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 16)
    private String tenant;

    /** {@link #normalize normalised}: emails are compared without regard to case, but with regard to accents. */
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

    @Column(name = "last_login")
    private Instant lastLogin;

    /** False while a double opt-in sign-up waits for its confirmation: such an account cannot log in. */
    @Column(nullable = false)
    private boolean activated = true;

    /** True for an extra login (POST /me/accounts/internal) whose address has not confirmed it yet. */
    @Column(name = "pending_claim", nullable = false)
    private boolean pendingClaim;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The key of the sign-up request that made the login ({@code RequestKey}); null for logins made otherwise. */
    @Column(name = "registered_by")
    private String registeredBy;

    /** An imported password in a legacy scheme, until the first login migrates it or the migration window ends. */
    @Column(name = "legacy_algorithm")
    private String legacyAlgorithm;
    @Column(name = "legacy_hash")
    private String legacyHash;
    /** The scheme's parameters as a JSON object of strings. */
    @Column(name = "legacy_context")
    private String legacyContext;

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

    /**
     * The form an email is stored and looked up in: trimmed, NFC, lower case. The column compares exactly, so two
     * emails are the same login only when they differ in case alone, never when they differ in an accent.
     */
    public static String normalize(String email) {
        if (email == null) {
            return null;
        }
        String normal = java.text.Normalizer.normalize(email.trim(), java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
        if (normal.length() > MAX_EMAIL_LENGTH) {
            // lower case and NFC can lengthen a string: bounded again as it will be stored
            throw org.opencommerce.customer.platform.ApiException.badRequest("An email has at most " + MAX_EMAIL_LENGTH + " characters.");
        }
        return normal;
    }

    /** Kept on the account rather than the profile, so that logging in does not change the profile's version. */
    public void recordSuccessfulLogin(Instant now) {
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

    /** Notes the sign-up request that made the login. */
    public void registeredBy(String requestKey) {
        this.registeredBy = requestKey;
    }

    public boolean wasRegisteredBy(String requestKey) {
        return requestKey != null && requestKey.equals(registeredBy);
    }

    /** An extra login that waits for its address to confirm it; until then it cannot log in. */
    public void awaitClaimConfirmation() {
        this.activated = false;
        this.pendingClaim = true;
    }

    /** The address confirmed the login (activation link). */
    public void activate() {
        this.activated = true;
        this.pendingClaim = false;
    }

    /** A new password set by the customer: it is no longer an initial one. */
    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.initialPassword = false;
    }

    public void changeEmail(String email) {
        this.email = normalize(email);
    }

    /** An imported password that only the legacy scheme can check; the account has no native hash until then. */
    public void importLegacyPassword(String algorithm, String hash, String context) {
        this.passwordHash = null;
        this.legacyAlgorithm = algorithm;
        this.legacyHash = hash;
        this.legacyContext = context;
    }

    /** The password, checked once in a foreign or legacy scheme, now hashed the service's own way. */
    public void migratePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        clearLegacyPassword();
    }

    public void clearLegacyPassword() {
        this.legacyAlgorithm = null;
        this.legacyHash = null;
        this.legacyContext = null;
    }

    /** A password set by an employee (back office), not by the customer. */
    public void setInitialPassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.initialPassword = true;
    }

    public boolean hasLegacyPassword() {
        return legacyAlgorithm != null;
    }

    public String getLegacyAlgorithm() {
        return legacyAlgorithm;
    }

    public String getLegacyHash() {
        return legacyHash;
    }

    public String getLegacyContext() {
        return legacyContext;
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
}
