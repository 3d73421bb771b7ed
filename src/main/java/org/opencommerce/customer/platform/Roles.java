package org.opencommerce.customer.platform;

/** The roles an access token carries in its {@code groups} claim. */
public final class Roles {
    public static final String ANONYMOUS = "anonymous";
    public static final String CUSTOMER = "customer";

    private Roles() {
    }
}
