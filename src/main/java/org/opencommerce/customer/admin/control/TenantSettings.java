package org.opencommerce.customer.admin.control;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opencommerce.customer.tenant.entity.Tenant;

/** A tenant's settings as the admin API takes them (create and merge-patch). Absent values take the defaults. */
public class TenantSettings {

    static final String LINK = "https?://\\S*\\{token}\\S*";
    static final String LINK_MESSAGE = "must be an http(s) URL with a {token} placeholder";
    static final int YEAR = 31_536_000;

    @Pattern(regexp = "^[a-z][a-z0-9]{2,15}$", message = "must match ^[a-z][a-z0-9]+$ with 3 to 16 characters")
    public String tenant;

    public Boolean doubleOptIn;

    /** Access tokens may be short (5 s and more): a refresh renews them. */
    @Min(5)
    @Max(YEAR)
    public Integer anonymousTokenTtlSeconds;

    @Min(5)
    @Max(YEAR)
    public Integer customerTokenTtlSeconds;

    @Min(10)
    @Max(YEAR)
    public Integer refreshTokenTtlSeconds;

    /** Seconds after its first use in which a refresh token may be used again (two tabs); then reuse ends the session. */
    @Min(0)
    @Max(300)
    public Integer refreshReuseIntervalSeconds;

    @Email
    @Size(max = 254)
    public String mailFrom;

    @Size(max = 500)
    @Pattern(regexp = LINK, message = LINK_MESSAGE)
    public String optInUrl;

    @Size(max = 500)
    @Pattern(regexp = LINK, message = LINK_MESSAGE)
    public String passwordResetUrl;

    @Size(max = 500)
    @Pattern(regexp = LINK, message = LINK_MESSAGE)
    public String emailChangeUrl;

    @Size(max = 500)
    @Pattern(regexp = LINK, message = LINK_MESSAGE)
    public String deletionUrl;

    @Valid
    public SocialLogin socialLogin;

    @Valid
    public PasswordPolicy passwordPolicy;

    /** The tenant's current settings, for a merge patch to apply to (the client secret is left out: it is write-only). */
    static TenantSettings of(Tenant t) {
        TenantSettings settings = new TenantSettings();
        settings.tenant = t.getName();
        settings.doubleOptIn = t.isDoubleOptIn();
        settings.anonymousTokenTtlSeconds = t.getAnonymousTokenTtlSeconds();
        settings.customerTokenTtlSeconds = t.getCustomerTokenTtlSeconds();
        settings.refreshTokenTtlSeconds = t.getRefreshTokenTtlSeconds();
        settings.refreshReuseIntervalSeconds = t.getRefreshReuseIntervalSeconds();
        settings.mailFrom = t.getMailFrom();
        settings.optInUrl = t.getOptInUrl();
        settings.passwordResetUrl = t.getPasswordResetUrl();
        settings.emailChangeUrl = t.getEmailChangeUrl();
        settings.deletionUrl = t.getDeletionUrl();
        if (t.getSocialIssuer() != null) {
            settings.socialLogin = new SocialLogin();
            settings.socialLogin.issuer = t.getSocialIssuer();
            settings.socialLogin.clientId = t.getSocialClientId();
            settings.socialLogin.scopes = t.getSocialScopes();
        }
        if (t.getPasswordMinLength() != null || t.getPasswordMinStrength() != null) {
            settings.passwordPolicy = new PasswordPolicy();
            settings.passwordPolicy.minLength = t.getPasswordMinLength();
            settings.passwordPolicy.minStrength = t.getPasswordMinStrength();
        }
        return settings;
    }

    /** The tenant's OpenID Connect provider for social login. */
    public static class SocialLogin {
        @Size(max = 500)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        public String issuer;
        @Size(max = 200)
        public String clientId;
        /** Write-only: never answered. */
        @Size(max = 500)
        public String clientSecret;
        @Size(max = 500)
        public String scopes;
    }

    /** The tenant's password rules. */
    public static class PasswordPolicy {
        @Min(6)
        @Max(128)
        public Integer minLength;
        /** zxcvbn score a new password needs (0 to 4; 0 off). */
        @Min(0)
        @Max(4)
        public Integer minStrength;
    }
}
