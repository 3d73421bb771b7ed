package org.opencommerce.customer.platform;

/**
 * The roles an access token carries in its {@code groups} claim, checked by the container ({@code @RolesAllowed}).
 * Storefront tokens are anonymous or customer; client tokens carry their scopes.
 */
public final class Roles {
    public static final String ANONYMOUS = "anonymous";
    public static final String CUSTOMER = "customer";
    /** The operator's scope: the admin API. */
    public static final String ADMIN = "admin";
    /** The back-office scopes of the tenant-managed API. */
    public static final String CUSTOMER_READ = "customer.customer_read";
    public static final String CUSTOMER_MANAGE = "customer.customer_manage";
    public static final String IMPORT_READ = "customer.import_read";
    public static final String IMPORT_MANAGE = "customer.import_manage";

    private Roles() {
    }
}
