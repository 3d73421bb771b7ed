package org.opencommerce.customer.tenant.entity;

/**
 * A tenant's settings as they were read, immutable: what the tenant cache shares among threads and hands to every flow
 * that reads them. A change goes through the {@link Tenant} entity, never through this.
 *
 * @param socialClientSecret as sealed by SecretBox: never answered, never logged (left out of {@link #toString()})
 */
public record TenantSnapshot(String name, boolean doubleOptIn, int anonymousTokenTtlSeconds, int customerTokenTtlSeconds,
                             int refreshTokenTtlSeconds, int refreshReuseIntervalSeconds, String mailFrom,
                             String optInUrl, String passwordResetUrl, String emailChangeUrl, String deletionUrl,
                             String socialIssuer, String socialClientId, String socialClientSecret,
                             Integer passwordMinLength, Integer passwordMinStrength) {

    public static TenantSnapshot of(Tenant t) {
        return new TenantSnapshot(t.getName(), t.isDoubleOptIn(), t.getAnonymousTokenTtlSeconds(),
                t.getCustomerTokenTtlSeconds(), t.getRefreshTokenTtlSeconds(), t.getRefreshReuseIntervalSeconds(),
                t.getMailFrom(), t.getOptInUrl(), t.getPasswordResetUrl(), t.getEmailChangeUrl(), t.getDeletionUrl(),
                t.getSocialIssuer(), t.getSocialClientId(), t.getSocialClientSecret(), t.getPasswordMinLength(),
                t.getPasswordMinStrength());
    }

    @Override
    public String toString() {
        return "TenantSnapshot[" + name + "]";
    }
}
