package org.opencommerce.customer.signup.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.platform.web.RateLimits;
import org.opencommerce.customer.verification.control.PasswordHasher;
import org.opencommerce.customer.verification.control.PasswordPolicy;
import org.opencommerce.customer.verification.entity.Password;
import org.opencommerce.customer.verification.entity.PasswordHash;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

import java.util.List;

/** Sign-up: checks and hashes the password outside any transaction, then {@link Registrations} creates the customer. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Signups {

    @Inject
    Tenants tenants;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordHasher passwords;

    @Inject
    SignupMetrics metrics;

    @Inject
    Registrations registrations;

    @Inject
    RateLimits rateLimits;

    @Inject
    @ConfigProperty(name = "RATE_LIMIT_SIGNUP_PER_MINUTE", defaultValue = "30")
    int perMinute;

    /**
     * Creates the customer with its login account (and its first address, as default) and answers the customer
     * number. With double opt-in on for the tenant, the account waits for the activation link mailed to it.
     * The login email is {@code signup.email} when separate credentials are given, else {@code email}; it
     * must not be a login of the tenant yet (409). Each costs a hash: at most RATE_LIMIT_SIGNUP_PER_MINUTE per client
     * address. The password is checked and hashed outside any transaction; {@link Registrations} then creates the
     * customer in one.
     */
    public String signup(Caller caller, CustomerSignup request) {
        rateLimits.require("signup", perMinute);
        TenantSnapshot tenant = tenants.require(caller.tenant());
        boolean separateLogin = request.signup != null;
        String loginEmail = separateLogin ? request.signup.email : request.email;
        Password password = new Password(separateLogin ? request.signup.password : request.password);
        policy.check(tenant, separateLogin ? "signup.password" : "password", password.value());
        if (request.customerDetails != null && request.customerDetails.contactEmail != null
                && !request.customerDetails.contactEmail.trim().equalsIgnoreCase(request.email.trim())) {
            throw ApiException.validation("customerDetails.contactEmail must be the same as email.",
                    List.of(new ErrorMessage.Detail("customerDetails.contactEmail", "invalid_value", "must equal email")));
        }
        // Hashed before the transaction starts: no pooled connection waits for the slow, CPU-bound hash.
        PasswordHash passwordHash = passwords.hash(password);
        String customerNumber = registrations.register(new CheckedSignup(tenant.name(), loginEmail, request.email,
                request.customerDetails, request.customerAddress, passwordHash));
        metrics.signedUp();
        return customerNumber;
    }
}
