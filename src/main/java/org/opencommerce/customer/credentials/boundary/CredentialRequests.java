package org.opencommerce.customer.credentials.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The request bodies of the credential operations, as the spec names them. */
public final class CredentialRequests {

    private CredentialRequests() {
    }

    /** The spec's {@code PasswordResetRequestDto}. */
    public static class PasswordResetRequest {
        @NotBlank
        @Size(max = 254)
        public String email;
        @Size(max = 100)
        public String site;
    }

    /** The spec's {@code PasswordUpdate}. */
    public static class PasswordUpdate {
        @NotBlank
        @Size(max = 200)
        public String token;
        @NotBlank
        @Size(max = 1024)
        public String password;
    }

    /** The spec's {@code PasswordChangeDto}. */
    public static class PasswordChange {
        @NotBlank
        @Size(max = 1024)
        public String currentPassword;
        @NotBlank
        @Size(max = 1024)
        public String newPassword;
    }

    /** The spec's {@code ChangeEmailRequestDto}. */
    public static class ChangeEmailRequest {
        @NotBlank
        @Size(max = 254)
        public String email;
        @NotBlank
        @Size(max = 1024)
        public String password;
        @NotBlank
        @Email
        @Size(max = 254)
        public String newEmail;
        public boolean syncContactEmail;
    }

    /** The spec's {@code UpdateEmail}. */
    public static class UpdateEmail {
        @NotBlank
        @Size(max = 200)
        public String token;
    }
}
