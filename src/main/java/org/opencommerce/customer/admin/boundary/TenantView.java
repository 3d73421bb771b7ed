package org.opencommerce.customer.admin.boundary;

import org.opencommerce.customer.tenant.entity.Tenant;

/** A tenant as the admin API answers it: every setting but the social login client secret. */
public record TenantView(String tenant, boolean doubleOptIn, int anonymousTokenTtlSeconds, int customerTokenTtlSeconds,
                         int refreshTokenTtlSeconds, int refreshReuseIntervalSeconds, String mailFrom, String optInUrl, String passwordResetUrl,
                         String emailChangeUrl, String deletionUrl, SocialLogin socialLogin, PasswordPolicy passwordPolicy,
                         String createdAt) {

    public static TenantView of(Tenant t) {
        return new TenantView(t.getName(), t.isDoubleOptIn(), t.getAnonymousTokenTtlSeconds(), t.getCustomerTokenTtlSeconds(),
                t.getRefreshTokenTtlSeconds(), t.getRefreshReuseIntervalSeconds(), t.getMailFrom(), t.getOptInUrl(), t.getPasswordResetUrl(),
                t.getEmailChangeUrl(), t.getDeletionUrl(),
                t.getSocialIssuer() == null ? null
                        : new SocialLogin(t.getSocialIssuer(), t.getSocialClientId(), t.getSocialScopes(), t.getSocialClientSecret() != null),
                new PasswordPolicy(t.getPasswordMinLength(), t.getPasswordMinStrength()),
                t.getCreatedAt().toString());
    }

    public record SocialLogin(String issuer, String clientId, String scopes, boolean clientSecretSet) {
    }

    public record PasswordPolicy(Integer minLength, Integer minStrength) {
    }
}
