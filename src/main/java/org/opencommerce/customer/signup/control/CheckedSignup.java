package org.opencommerce.customer.signup.control;

import org.opencommerce.customer.profile.control.AddressInput;
import org.opencommerce.customer.profile.control.CustomerDetails;
import org.opencommerce.customer.verification.entity.PasswordHash;

/**
 * A sign-up whose password {@link Signups} checked against the policy and hashed: what {@link Registrations#register}
 * creates. It carries no plain password. Nothing outside this package can make one.
 */
public final class CheckedSignup {

    private final String tenant;
    private final String loginEmail;
    private final String email;
    private final CustomerDetails customerDetails;
    private final AddressInput customerAddress;
    private final PasswordHash passwordHash;

    CheckedSignup(String tenant, String loginEmail, String email, CustomerDetails customerDetails,
                  AddressInput customerAddress, PasswordHash passwordHash) {
        this.tenant = tenant;
        this.loginEmail = loginEmail;
        this.email = email;
        this.customerDetails = customerDetails;
        this.customerAddress = customerAddress;
        this.passwordHash = passwordHash;
    }

    public String tenant() {
        return tenant;
    }

    public String loginEmail() {
        return loginEmail;
    }

    public String email() {
        return email;
    }

    public CustomerDetails customerDetails() {
        return customerDetails;
    }

    public AddressInput customerAddress() {
        return customerAddress;
    }

    public PasswordHash passwordHash() {
        return passwordHash;
    }

    @Override
    public String toString() {
        return "CheckedSignup[tenant=" + tenant + "]";
    }
}
