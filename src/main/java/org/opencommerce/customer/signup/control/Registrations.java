package org.opencommerce.customer.signup.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.webhooks.control.CustomerEvents;
import org.opencommerce.customer.webhooks.control.EventTypes;
import org.opencommerce.customer.platform.data.RequestKey;
import org.opencommerce.customer.profile.control.Accounts;
import org.opencommerce.customer.profile.control.AddressBook;
import org.opencommerce.customer.profile.control.CustomerDetails;
import org.opencommerce.customer.profile.control.CustomerEventData;
import org.opencommerce.customer.profile.control.Customers;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

import java.time.Clock;
import java.util.Optional;

/**
 * Creates the customer of a sign-up that {@link Signups} checked: the customer, its login and first address, or
 * nothing. Only Signups can make a {@link CheckedSignup}.
 */
@Stateless
public class Registrations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Customers customers;

    @Inject
    CustomerEvents events;

    @Inject
    Tenants tenants;

    @Inject
    Accounts accounts;

    @Inject
    AddressBook addressBook;

    @Inject
    OptIns optIns;

    @Inject
    Clock clock;

    @Inject
    RequestKey requestKey;

    /**
     * Answers the new customer's number; 409 when the login email is a login of the tenant already, unless this very
     * request made it (an earlier attempt whose commit was reported failed although it happened).
     */
    public String register(CheckedSignup signup) {
        TenantSnapshot tenant = tenants.require(signup.tenant());
        String loginEmail = signup.loginEmail();
        accounts.dropPendingClaim(tenant.name(), loginEmail);
        Optional<LoginAccount> existing = accounts.find(tenant.name(), loginEmail);
        if (existing.isPresent()) {
            if (existing.get().wasRegisteredBy(requestKey.value())) {
                return existing.get().getCustomer().customerNumber();
            }
            throw Accounts.duplicate(loginEmail, tenant.name());
        }
        Customer customer = customers.register(tenant.name(), null);
        CustomerDetails details = signup.customerDetails() != null ? signup.customerDetails() : new CustomerDetails();
        if (details.contactEmail == null) {
            details.contactEmail = signup.email();
        }
        customers.change(customer, details.fields(), "customerDetails.");
        LoginAccount account = new LoginAccount(customer, loginEmail, signup.passwordHash().value(), clock.instant());
        account.setActivated(!tenant.doubleOptIn());
        account.registeredBy(requestKey.value());
        em.persist(account);
        if (signup.customerAddress() != null) {
            addressBook.add(customer, signup.customerAddress(), true);
        }
        accounts.flushClaiming(loginEmail, tenant.name());
        events.emit(tenant.name(), EventTypes.CREATED, customer.getId(), () -> CustomerEventData.profile(customer));
        if (tenant.doubleOptIn()) {
            optIns.sendActivationMail(tenant, account);
        }
        return customer.customerNumber();
    }
}
