package org.opencommerce.customer.credentials.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.webhooks.control.CustomerEvents;
import org.opencommerce.customer.webhooks.control.EventTypes;
import org.opencommerce.customer.mail.control.Outbox;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.profile.control.Accounts;
import org.opencommerce.customer.profile.control.Customers;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.verification.control.EmailTokens;
import org.opencommerce.customer.verification.control.PasswordGuard;
import org.opencommerce.customer.verification.control.PasswordHasher;
import org.opencommerce.customer.verification.entity.EmailToken;
import org.opencommerce.customer.verification.entity.Password;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

import java.util.List;
import java.util.Map;

/** Changing a login email: a confirmation link to the new address, then the switch (and a notice to the old one). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EmailChanges {

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
    PasswordHasher hasher;

    @Inject
    EmailTokens tokens;

    @Inject
    Outbox outbox;

    @Inject
    PasswordGuard guard;

    @Inject
    EmailChangeLinks links;

    /**
     * Checks the login's password (throttled like a login, outside any transaction) and mails the confirmation link
     * to newEmail ({@link EmailChangeLinks#mail}). The link is bound to the login and to its current email: once that
     * email changed, the link is void.
     */
    public void request(Caller caller, String email, Password password, String newEmail, boolean syncContactEmail) {
        TenantSnapshot tenant = tenants.require(caller.tenant());
        LoginAccount account = accounts.findByEmail(tenant.name(), email);
        if (account == null || !account.getCustomer().getId().equals(caller.customerId())) {
            throw invalid("email", "is not a login of this customer");
        }
        guard.requireAllowed(account.getId());
        if (!hasher.matches(password, account.getPasswordHash())) {
            guard.recordFailure(account.getId());
            throw invalid("password", "is not correct");
        }
        // an address that is taken is answered like a free one; the conflict shows only at confirmation
        links.mail(new VerifiedEmailChange(tenant.name(), account.getId(),
                new EmailTokens.EmailChange(account.getEmail(), LoginAccount.normalize(newEmail), syncContactEmail)));
    }

    /** Switches the login email of the token's account (and the contact email when asked for). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void confirm(Caller caller, String token) {
        TenantSnapshot tenant = tenants.require(caller.tenant());
        EmailToken redeemed = tokens.redeem(tenant.name(), EmailToken.Purpose.EMAIL_CHANGE, token);
        LoginAccount account = em.find(LoginAccount.class, redeemed.getAccountId());
        if (account == null || !redeemed.isBoundTo(account.getEmail())) {
            throw ApiException.invalidEmailToken();
        }
        String oldEmail = account.getEmail();
        account.changeEmail(redeemed.getNewEmail());
        Customer customer = account.getCustomer();
        if (redeemed.isSyncContactEmail()) {
            customers.changeContactEmail(customer, redeemed.getNewEmail());
        }
        accounts.flushClaiming(redeemed.getNewEmail(), tenant.name());
        events.emit(tenant.name(), EventTypes.EMAIL_CHANGE, customer.getId(), () -> Json.createObjectBuilder()
                .add("customerNumber", customer.customerNumber()).add("oldEmail", oldEmail)
                .add("newEmail", redeemed.getNewEmail()).build());
        outbox.queue(tenant, oldEmail, "email_changed_notice", customer.getPreferredLanguage(), Map.of(
                "firstName", customer.greetingName(), "newEmail", redeemed.getNewEmail()));
    }

    static ApiException invalid(String field, String problem) {
        return ApiException.validation("The email change request is not valid.",
                List.of(new ErrorMessage.Detail(field, "invalid_value", problem)));
    }
}
