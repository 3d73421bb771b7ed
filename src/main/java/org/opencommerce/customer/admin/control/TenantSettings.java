package org.opencommerce.customer.admin.control;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A tenant's settings as the admin API takes them (create and merge-patch). Absent values take the defaults. */
public class TenantSettings {

    static final String LINK = "https?://\\S*\\{token}\\S*";
    static final String LINK_MESSAGE = "must be an http(s) URL with a {token} placeholder";
    static final int YEAR = 31_536_000;

    @Pattern(regexp = "^[a-z][a-z0-9]{2,15}$", message = "must match ^[a-z][a-z0-9]+$ with 3 to 16 characters")
    public String tenant;

    public Boolean doubleOptIn;

    @Min(60)
    @Max(YEAR)
    public Integer anonymousTokenTtlSeconds;

    @Min(60)
    @Max(YEAR)
    public Integer customerTokenTtlSeconds;

    @Min(60)
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
