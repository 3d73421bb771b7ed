package org.opencommerce.customer.backoffice.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.webhooks.control.CustomerEvents;
import org.opencommerce.customer.webhooks.control.EventTypes;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.platform.web.JsonPatches;
import org.opencommerce.customer.profile.control.Accounts;
import org.opencommerce.customer.profile.control.CustomerEventData;
import org.opencommerce.customer.profile.control.CustomerKey;
import org.opencommerce.customer.profile.control.MailedLinks;
import org.opencommerce.customer.profile.control.Customers;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.verification.entity.EmailToken;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;
import org.opencommerce.customer.token.control.Revocations;

import java.time.Clock;
import java.util.List;

/**
 * The back office's changes to customers: create (with a login for the contact email) and upsert, once
 * {@link CustomerCreation} checked and hashed the initial password, merge patch, delete,
 * and the status that decides whether the customer may log in. Deactivating a customer or putting it on hold ends its
 * logins at once, like a password reset does; a customer that may not log in gets no token by any path. Which customers
 * the caller reaches, and what a company admin may change, {@link CompanyScope} decides.
 */
@Stateless
public class BackOfficeCustomers {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    Accounts accounts;

    @Inject
    Customers customers;

    @Inject
    MailedLinks mailedLinks;

    @Inject
    Revocations revocations;

    @Inject
    JsonPatches patches;

    @Inject
    CustomerEvents events;

    @Inject
    Clock clock;

    @Inject
    CompanyScope scope;

    /** One customer as the back office sees it; 404 when the tenant has no customer of that number. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SellerView get(String tenant, String customerNumber, Expansion expansion) {
        scope.requireReachable(em, tenant, customerNumber);
        Customer customer = customers.find(CustomerKey.managed(tenant, CustomerKey.number(customerNumber), null));
        return scope.shown(em, tenant, SellerViews.of(em, List.of(customer), expansion)).get(0);
    }

    /**
     * The transactional part of {@link CustomerCreation#upsert} for an existing customer; false when there is none.
     */
    public boolean replace(CheckedCustomer checked) {
        if (!customers.exists(checked.tenant(), checked.number())) {
            return false;
        }
        CustomerKey key = CustomerKey.managed(checked.tenant(), checked.number(), checked.actor());
        Customer customer = customers.lock(key);
        apply(checked.details(), customer);
        customers.changed(key, customer);
        return true;
    }

    /**
     * The transactional part of {@link CustomerCreation#create} and {@link CustomerCreation#upsert}, and of each item
     * of {@link ImportedCustomers#create}: the customer, and its login when it has a contact email.
     */
    public Customer insert(CheckedCustomer checked) {
        TenantSnapshot tenant = tenants.require(checked.tenant());
        SellerCustomerDetails details = checked.details();
        String loginEmail = details.contactEmail == null || details.contactEmail.isBlank() ? null : details.contactEmail.trim();
        if (loginEmail != null) {
            accounts.dropPendingClaim(tenant.name(), loginEmail);
            if (accounts.exists(tenant.name(), loginEmail)) {
                throw Accounts.duplicate(loginEmail, tenant.name());
            }
        }
        Customer customer = customers.register(tenant.name(), checked.number());
        apply(details, customer);
        if (loginEmail != null) {
            LoginAccount account = new LoginAccount(customer, loginEmail, null, clock.instant());
            if (checked.initialPassword() != null) {
                account.setInitialPassword(checked.initialPassword().value());
            }
            em.persist(account);
            accounts.flushClaiming(loginEmail, tenant.name());
            if (checked.initialPassword() == null && checked.sendResetMail()) {
                mailedLinks.send(tenant, EmailToken.Purpose.PASSWORD_RESET, customer, account.getId(), account.getEmail());
            }
        }
        em.flush();
        scope.enrol(em, customer);
        events.emit(tenant.name(), EventTypes.CREATED, customer.getId(), () -> CustomerEventData.profile(customer));
        return customer;
    }

    /**
     * Applies a merge patch (RFC 7396) to the customer; {@code metadata.version}, when sent, must still be the
     * customer's, else 409. contactEmail cannot be removed once set.
     */
    public SellerView patch(String tenant, String customerNumber, JsonValue patch, String actor) {
        scope.requireReachable(em, tenant, customerNumber);
        CustomerKey key = CustomerKey.managed(tenant, CustomerKey.number(customerNumber), actor);
        Customer customer = customers.lock(key);
        customer.requireVersion(JsonPatches.expectedVersion(patch));
        apply(patches.apply(SellerCustomerDetails.ofSeller(customer), patch, SellerCustomerDetails.class), customer);
        customers.changed(key, customer);
        return scope.shown(em, tenant, SellerViews.of(em, List.of(customer), new Expansion(false, false, false))).get(0);
    }

    /** Deletes the customer with its logins and addresses; every token of the customer stops working first. */
    public void delete(String tenant, String customerNumber, String actor) {
        scope.requireDeletable(em, tenant, customerNumber);
        customers.delete(CustomerKey.managed(tenant, CustomerKey.number(customerNumber), actor));
    }

    private void apply(SellerCustomerDetails details, Customer customer) {
        if (details.restriction != null) {
            throw ApiException.validation("restriction is not supported: the tenant has no restrictions configured.",
                    List.of(new ErrorMessage.Detail("restriction", "invalid_value", "no restrictions are configured")));
        }
        scope.requireStatusUnchanged(em, customer, details.active, details.onHold);
        // a customer being created has no tokens yet (nor an id before the flush)
        if (customers.change(customer, details.fields(), details.seller()) && customer.getId() != null) {
            revocations.revokeAllOfCustomer(customer.getId());
        }
    }
}
