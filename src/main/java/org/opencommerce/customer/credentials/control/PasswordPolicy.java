package org.opencommerce.customer.credentials.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.ErrorMessage;
import org.opencommerce.customer.tenant.entity.Tenant;

/**
 * The rules a new password must follow: a minimum length (the tenant's own, else PASSWORD_MIN_LENGTH), at most 128
 * characters, not only spaces.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MAX_LENGTH = 128;

    @Inject
    @ConfigProperty(name = "PASSWORD_MIN_LENGTH", defaultValue = "8")
    int minLength;

    public void check(Tenant tenant, String field, String password) {
        int minLength = tenant.getPasswordMinLength() != null ? tenant.getPasswordMinLength() : this.minLength;
        String problem = null;
        if (password == null || password.isBlank()) {
            problem = "must not be empty";
        } else if (password.codePointCount(0, password.length()) < minLength) {
            problem = "must have at least " + minLength + " characters";
        } else if (password.length() > MAX_LENGTH) {
            problem = "must have at most " + MAX_LENGTH + " characters";
        }
        if (problem != null) {
            throw ApiException.validation("The password does not follow the password policy.",
                    java.util.List.of(new ErrorMessage.Detail(field, "invalid_value", problem)));
        }
    }
}
