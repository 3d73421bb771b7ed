package org.opencommerce.customer.signup.control;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.opencommerce.customer.profile.control.AddressInput;
import org.opencommerce.customer.profile.control.CustomerDetails;
import org.opencommerce.customer.token.control.PasswordAuthentication;

/** The spec's {@code CustomerSignup}. */
public class CustomerSignup {

    @NotBlank
    @Email
    @Size(max = 254)
    public String email;

    @NotBlank
    @Size(max = 1024)
    public String password;

    @Valid
    public CustomerDetails customerDetails;

    @Valid
    public AddressInput customerAddress;

    /** Separate login credentials, when the login email differs from the contact email. */
    @Valid
    public PasswordAuthentication signup;
}
