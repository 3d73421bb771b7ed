package org.opencommerce.customer.backoffice.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.profile.control.CustomerKey;
import org.opencommerce.customer.verification.control.PasswordHasher;
import org.opencommerce.customer.verification.control.PasswordPolicy;
import org.opencommerce.customer.verification.entity.Password;
import org.opencommerce.customer.verification.entity.PasswordHash;
import org.opencommerce.customer.tenant.control.Tenants;

/**
 * The back office's create and upsert: checks what the caller may do and the initial password against the policy,
 * hashes it outside any transaction (no pooled connection waits for the slow, CPU-bound hash), then
 * {@link BackOfficeCustomers} writes the customer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustomerCreation {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordHasher hasher;

    @Inject
    CompanyScope scope;

    @Inject
    BackOfficeCustomers customers;

    /**
     * Creates a customer and answers its number. A contact email becomes its login (409 when the tenant has that
     * login already): with the initial password when one is given (the login then answers initialPassword true),
     * else, when sendResetMail, a password reset link is mailed so that the customer chooses one.
     */
    public String create(String tenant, NewSellerCustomer request, boolean sendResetMail) {
        scope.requireCreatable(em, tenant);
        PasswordHash initialPassword = initialPasswordHash(tenant, request.password);
        Long number = request.id == null ? null : CustomerKey.number(request.id);
        return customers.insert(new CheckedCustomer(tenant, number, SellerCustomerDetails.copyOf(request),
                initialPassword, sendResetMail, null)).customerNumber();
    }

    /**
     * PUT: replaces the customer's profile (absent fields get their defaults, active and onHold stay as they are when
     * absent), or creates the customer with this number when there is none: true when it was created.
     */
    public boolean upsert(String tenant, String customerNumber, SellerCustomerDetails details, boolean sendResetMail,
                          String actor) {
        scope.requireReachable(em, tenant, customerNumber);
        long number = CustomerKey.number(customerNumber);
        if (customers.replace(new CheckedCustomer(tenant, number, details, null, false, actor))) {
            return false;
        }
        customers.insert(new CheckedCustomer(tenant, number, details, null, sendResetMail, actor));
        return true;
    }

    private PasswordHash initialPasswordHash(String tenant, String password) {
        if (password == null) {
            return null;
        }
        policy.check(tenants.require(tenant), "password", password);
        return hasher.hash(new Password(password));
    }
}
