package org.opencommerce.customer.social.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.webhooks.control.CustomerEvents;
import org.opencommerce.customer.webhooks.control.EventTypes;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.profile.control.Accounts;
import org.opencommerce.customer.profile.control.CustomerEventData;
import org.opencommerce.customer.profile.control.Customers;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.ProfileFields;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;
import org.opencommerce.customer.token.control.LoginSessions;
import org.opencommerce.customer.token.control.IssuedTokens;

import java.time.Clock;
import java.util.List;

/**
 * The customer behind a provider identity: the account already linked to it; else the account with the same email,
 * linked now when the provider verified that email; else a new customer.
 */
@Stateless
public class SocialAccounts {

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
    LoginSessions logins;

    @Inject
    Clock clock;

    public IssuedTokens signIn(String tenantName, String sessionId, SocialIdentity identity) {
        TenantSnapshot tenant = tenants.require(tenantName);
        LoginAccount account = linked(tenant, identity);
        if (account == null) {
            account = byEmail(tenant, identity);
        }
        if (account == null) {
            account = create(tenant, identity);
        }
        return logins.loginAs(sessionId, tenant, account);
    }

    private LoginAccount linked(TenantSnapshot tenant, SocialIdentity identity) {
        List<LoginAccount> found = em.createNamedQuery(LoginAccount.BY_PROVIDER, LoginAccount.class)
                .setParameter("tenant", tenant.name()).setParameter("issuer", identity.issuer())
                .setParameter("subject", identity.subject()).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private LoginAccount byEmail(TenantSnapshot tenant, SocialIdentity identity) {
        if (identity.email() == null) {
            throw ApiException.badRequest("The identity provider shared no email address for this customer.");
        }
        if (identity.emailVerified()) {
            // the address owner proved it: someone else's unconfirmed claim on it gives way, as at sign-up
            accounts.dropPendingClaim(tenant.name(), identity.email());
        }
        LoginAccount account = accounts.findByEmail(tenant.name(), identity.email());
        if (account == null) {
            return null;
        }
        if (!identity.emailVerified() || account.getProviderId() != null) {
            throw ApiException.badRequest("An account with this email exists and cannot be linked to this identity "
                    + "(the provider did not verify the email, or the account is linked to another identity).");
        }
        account.linkProvider(identity.issuer(), identity.subject());
        account.activate();
        return account;
    }

    private LoginAccount create(TenantSnapshot tenant, SocialIdentity identity) {
        Customer customer = customers.register(tenant.name(), null);
        customers.change(customer, ProfileFields.named(identity.givenName(), identity.familyName(), identity.email()), "");
        LoginAccount account = new LoginAccount(customer, identity.email(), null, clock.instant());
        account.linkProvider(identity.issuer(), identity.subject());
        em.persist(account);
        accounts.flushClaiming(identity.email(), tenant.name());
        events.emit(tenant.name(), EventTypes.CREATED, customer.getId(), () -> CustomerEventData.profile(customer));
        return account;
    }
}
