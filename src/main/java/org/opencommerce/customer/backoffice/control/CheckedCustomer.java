package org.opencommerce.customer.backoffice.control;

import org.opencommerce.customer.verification.entity.PasswordHash;

/**
 * A customer the back office creates or replaces, checked by {@link CustomerCreation} or {@link CustomerImport}: its
 * details (without any plain password), the number it gets, and the hash of the initial password the policy
 * accepted, if any. Nothing outside this package can make one.
 */
public final class CheckedCustomer {

    private final String tenant;
    private final Long number;
    private final SellerCustomerDetails details;
    private final PasswordHash initialPassword;
    private final boolean sendResetMail;
    private final String actor;

    CheckedCustomer(String tenant, Long number, SellerCustomerDetails details, PasswordHash initialPassword,
                    boolean sendResetMail, String actor) {
        this.tenant = tenant;
        this.number = number;
        this.details = details;
        this.initialPassword = initialPassword;
        this.sendResetMail = sendResetMail;
        this.actor = actor;
    }

    public String tenant() {
        return tenant;
    }

    public Long number() {
        return number;
    }

    public SellerCustomerDetails details() {
        return details;
    }

    public PasswordHash initialPassword() {
        return initialPassword;
    }

    public boolean sendResetMail() {
        return sendResetMail;
    }

    public String actor() {
        return actor;
    }

    @Override
    public String toString() {
        return "CheckedCustomer[tenant=" + tenant + ", number=" + number + "]";
    }
}
