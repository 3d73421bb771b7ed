package org.opencommerce.customer.profile.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.events.control.CustomerEvents;
import org.opencommerce.customer.events.control.EventTypes;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.CustomerDeleted;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.secrets.control.EmailTokens;
import org.opencommerce.customer.secrets.entity.EmailToken;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

/** Deleting a profile: first a confirmation link by mail, then the deletion with its token. */
@Stateless
public class Deletions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    Profiles profiles;

    @Inject
    EmailTokens tokens;

    @Inject
    MailedLinks mailedLinks;

    @Inject
    Event<CustomerDeleted> deleted;

    @Inject
    CustomerEvents events;

    /** Mails the confirmation link to the contact email (else the login email the caller used). */
    public void request(Caller caller) {
        TenantSnapshot tenant = tenants.require(caller.tenant());
        Customer customer = profiles.own(caller);
        String recipient = customer.getContactEmail() != null ? customer.getContactEmail() : caller.email();
        mailedLinks.send(tenant, EmailToken.Purpose.DELETION, customer, null, recipient);
    }

    /**
     * Deletes the caller's profile with its logins, addresses and tokens (the database cascades from the customer
     * row). Every token of the customer stops working: its logins are revoked like a logout first
     * ({@link CustomerDeleted}), then the rows go.
     */
    public void delete(Caller caller, String token) {
        TenantSnapshot tenant = tenants.require(caller.tenant());
        EmailToken redeemed = tokens.redeem(tenant.name(), EmailToken.Purpose.DELETION, token);
        if (!redeemed.getCustomerId().equals(caller.customerId())) {
            throw ApiException.invalidEmailToken();
        }
        Customer customer = profiles.own(caller);
        events.emit(tenant.name(), EventTypes.DELETED, customer.getId(),
                () -> CustomerEventData.deleted(customer, CustomerEventData.BY_CUSTOMER));
        deleted.fire(new CustomerDeleted(tenant.name(), caller.customerId()));
        em.remove(customer);
    }
}
