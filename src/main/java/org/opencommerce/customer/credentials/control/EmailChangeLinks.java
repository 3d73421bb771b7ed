package org.opencommerce.customer.credentials.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.webhooks.control.CustomerEvents;
import org.opencommerce.customer.webhooks.control.EventTypes;
import org.opencommerce.customer.profile.control.MailedLinks;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.verification.control.EmailTokens;
import org.opencommerce.customer.verification.entity.EmailToken;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

/**
 * Mails the confirmation link of an email change whose password {@link EmailChanges} verified; only EmailChanges can
 * make a {@link VerifiedEmailChange}.
 */
@Stateless
public class EmailChangeLinks {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    MailedLinks mailedLinks;

    @Inject
    CustomerEvents events;

    /** The token bound to the login and its current email, and its mail to the new address. */
    public void mail(VerifiedEmailChange verified) {
        TenantSnapshot tenant = tenants.require(verified.tenant());
        EmailTokens.EmailChange change = verified.change();
        LoginAccount account = em.find(LoginAccount.class, verified.accountId());
        if (account == null || !account.getEmail().equals(change.fromEmail())) {
            throw EmailChanges.invalid("email", "is not a login of this customer");
        }
        String token = mailedLinks.send(tenant, EmailToken.Purpose.EMAIL_CHANGE, account.getCustomer(), account.getId(),
                change.toEmail(), change);
        events.emit(tenant.name(), EventTypes.EMAIL_CHANGE_REQUEST, account.getCustomer().getId(),
                () -> Json.createObjectBuilder().add("customerNumber", account.getCustomer().customerNumber())
                        .add("email", change.fromEmail()).add("newEmail", change.toEmail()).build(), token);
    }
}
