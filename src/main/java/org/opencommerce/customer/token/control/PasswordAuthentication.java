package org.opencommerce.customer.token.control;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The spec's {@code PasswordAuthentication}: an email and a password. */
public class PasswordAuthentication {

    @NotBlank
    @Email
    @Size(max = 254)
    public String email;

    @NotBlank
    @Size(max = 1024)
    public String password;
}
