package org.opencommerce.customer.backoffice.control;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The spec's {@code CustomerSignupBySellerDto}: a customer created by the back office, with an optional customer
 * number of its choosing (numeric in this service: customer numbers are numeric keys) and an optional initial password.
 */
public class NewSellerCustomer extends SellerCustomerDetails {

    @Pattern(regexp = "[1-9][0-9]{0,17}", message = "must be a customer number: digits, not starting with 0")
    public String id;
    @Size(max = 1024)
    public String password;
}
