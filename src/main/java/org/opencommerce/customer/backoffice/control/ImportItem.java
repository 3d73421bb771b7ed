package org.opencommerce.customer.backoffice.control;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** The spec's {@code CustomerImportDto}: a customer with its login and the login's password hash. */
public class ImportItem extends SellerCustomerDetails {

    @Pattern(regexp = "[1-9][0-9]{0,17}", message = "must be a customer number: digits, not starting with 0")
    public String id;
    @NotNull
    @Valid
    public Account account;

    /** The spec's {@code CustomerImportAccountDto}. */
    public static class Account {
        @NotBlank
        @Email
        @Size(max = 254)
        public String email;
        public String passwordHash;
        @Valid
        public LegacyAuth legacyAuth;
    }

    /** The spec's {@code LegacyAuth}. */
    public static class LegacyAuth {
        @NotBlank
        @Size(max = 64)
        public String algorithm;
        @NotBlank
        @Size(max = 512)
        public String hash;
        @Size(max = 10)
        public Map<String, @Size(max = 500) String> context;
    }
}
