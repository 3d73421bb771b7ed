package org.opencommerce.customer.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

/**
 * The storefront pages a mailed token leads to: the tenant's own link templates when set, else
 * {@code STOREFRONT_URL} with a default path. {@code {token}} is replaced by the token (URL-safe as it is).
 */
@ApplicationScoped
public class StorefrontLinks {

    @Inject
    @ConfigProperty(name = "STOREFRONT_URL", defaultValue = "http://localhost:3000")
    String storefrontUrl;

    public String optIn(TenantSnapshot tenant, String token) {
        return fill(tenant.optInUrl(), "/account/activate?token={token}", token);
    }

    public String passwordReset(TenantSnapshot tenant, String token) {
        return fill(tenant.passwordResetUrl(), "/account/password-reset?token={token}", token);
    }

    public String emailChange(TenantSnapshot tenant, String token) {
        return fill(tenant.emailChangeUrl(), "/account/email-change?token={token}", token);
    }

    public String deletion(TenantSnapshot tenant, String token) {
        return fill(tenant.deletionUrl(), "/account/delete?token={token}", token);
    }

    /** The storefront's login page (STOREFRONT_URL + /login). */
    public String login() {
        return stripSlash(storefrontUrl) + "/login";
    }

    private String fill(String tenantTemplate, String defaultPath, String token) {
        String template = tenantTemplate != null ? tenantTemplate : stripSlash(storefrontUrl) + defaultPath;
        return template.replace("{token}", token);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
