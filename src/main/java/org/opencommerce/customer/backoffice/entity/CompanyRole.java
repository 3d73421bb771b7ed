package org.opencommerce.customer.backoffice.entity;

/**
 * A customer's role in a company (B2B legal entity) it belongs to: a member, or an admin, who manages the company's
 * customers through the tenant-managed API's {@code _own} scopes.
 */
public enum CompanyRole {
    MEMBER("member"),
    ADMIN("admin");

    private final String value;

    CompanyRole(String value) {
        this.value = value;
    }

    /** As stored and as the admin API shows it. */
    public String value() {
        return value;
    }

    static CompanyRole of(String value) {
        for (CompanyRole role : values()) {
            if (role.value.equals(value)) {
                return role;
            }
        }
        throw new IllegalStateException("Unknown company role '" + value + "'");
    }
}
