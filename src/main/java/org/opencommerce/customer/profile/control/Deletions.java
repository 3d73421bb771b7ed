package org.opencommerce.customer.profile.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.verification.control.EmailTokens;
import org.opencommerce.customer.verification.entity.EmailToken;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

/** Deleting a profile: first a confirmation link by mail, then the deletion with its token. */
@Stateless
public class Deletions {

    @Inject
    Tenants tenants;

    @Inject
    Profiles profiles;

    @Inject
    EmailTokens tokens;

    @Inject
    MailedLinks mailedLinks;

    @Inject
    Customers customers;

    /** Mails the confirmation link to the contact email (else the login email the caller used). */
    public void request(Caller caller) {
        TenantSnapshot tenant = tenants.require(caller.tenant());
        Customer customer = profiles.withLogins(caller);
        String recipient = customer.getContactEmail() != null ? customer.getContactEmail() : caller.email();
        mailedLinks.send(tenant, EmailToken.Purpose.DELETION, customer, null, recipient);
    }

    /** Deletes the caller's profile (Customers.delete) when the token is the mailed confirmation's. */
    public void delete(Caller caller, String token) {
        TenantSnapshot tenant = tenants.require(caller.tenant());
        EmailToken redeemed = tokens.redeem(tenant.name(), EmailToken.Purpose.DELETION, token);
        if (!redeemed.getCustomerId().equals(caller.customerId())) {
            throw ApiException.invalidEmailToken();
        }
        customers.delete(CustomerKey.of(caller));
    }
}
