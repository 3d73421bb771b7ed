package org.opencommerce.customer.verification.entity;

import java.util.Objects;

/**
 * A password hash to store on a login. Like {@link Password} it never prints itself: diagnostic dumps of method
 * arguments must not carry a hash that an attacker could try to crack offline.
 */
public record PasswordHash(String value) {

    public PasswordHash {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
