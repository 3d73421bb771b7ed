package org.opencommerce.customer.signup.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.webhooks.control.CustomerEvents;
import org.opencommerce.customer.webhooks.control.EventTypes;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.profile.control.Accounts;
import org.opencommerce.customer.profile.control.MailedLinks;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.verification.control.EmailTokens;
import org.opencommerce.customer.verification.entity.EmailToken;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;
import org.opencommerce.customer.token.control.LoginSessions;
import org.opencommerce.customer.token.control.IssuedTokens;

/** Double opt-in: the activation mail, its confirmation (which logs the customer in) and sending it again. */
@Stateless
public class OptIns {

    @PersistenceContext
    EntityManager em;

    @Inject
    CustomerEvents events;

    @Inject
    Tenants tenants;

    @Inject
    Accounts accounts;

    @Inject
    EmailTokens tokens;

    @Inject
    MailedLinks mailedLinks;

    @Inject
    LoginSessions logins;

    public void sendActivationMail(TenantSnapshot tenant, LoginAccount account) {
        mailedLinks.send(tenant, EmailToken.Purpose.OPT_IN, account.getCustomer(), account.getId(), account.getEmail());
    }

    /** Activates the account of the token and logs it in, in the caller's storefront session. */
    public IssuedTokens confirm(Caller caller, String token) {
        TenantSnapshot tenant = tenants.require(caller.tenant());
        EmailToken redeemed = tokens.redeem(tenant.name(), EmailToken.Purpose.OPT_IN, token);
        LoginAccount account = redeemed.getAccountId() == null ? null : em.find(LoginAccount.class, redeemed.getAccountId());
        if (account == null) {
            throw ApiException.invalidEmailToken();
        }
        account.activate();
        events.emit(tenant.name(), EventTypes.OPT_IN, account.getCustomer().getId(),
                () -> Json.createObjectBuilder().add("customerNumber", account.getCustomer().customerNumber())
                        .add("email", account.getEmail()).build());
        return logins.loginAs(caller.sessionId(), tenant, account);
    }

    /** Sends a new activation link when the email belongs to an account still waiting; says nothing either way. */
    public void resend(Caller caller, String email) {
        TenantSnapshot tenant = tenants.require(caller.tenant());
        LoginAccount account = accounts.findByEmail(tenant.name(), email);
        if (account != null && !account.isActivated()) {
            sendActivationMail(tenant, account);
        }
    }
}
