package org.opencommerce.customer.verification.entity;

/**
 * A plain password as a customer typed it. It never prints itself: a failed commit makes the server dump the
 * arguments of the call into its diagnostic files (Liberty's FFDC), and a password must never reach a log.
 */
public record Password(String value) {

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}
