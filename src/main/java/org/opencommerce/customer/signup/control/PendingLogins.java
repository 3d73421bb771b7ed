package org.opencommerce.customer.signup.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.profile.control.Accounts;
import org.opencommerce.customer.profile.control.Customers;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

import java.time.Clock;

/**
 * Stores an extra login that {@link LoginClaims} checked, pending until its address confirms it, and mails the
 * activation link. Only LoginClaims can make a {@link CheckedClaim}.
 */
@Stateless
public class PendingLogins {

    @PersistenceContext
    EntityManager em;

    @Inject
    Customers customers;

    @Inject
    Tenants tenants;

    @Inject
    Accounts accounts;

    @Inject
    OptIns optIns;

    @Inject
    Clock clock;

    /** Answers the customer number; 409 when the email is already a login of the tenant. */
    public String create(CheckedClaim claim) {
        TenantSnapshot tenant = tenants.require(claim.caller().tenant());
        if (accounts.exists(tenant.name(), claim.email())) {
            throw Accounts.duplicate(claim.email(), tenant.name());
        }
        Customer customer = customers.find(claim.caller());
        LoginAccount login = new LoginAccount(customer, claim.email(), claim.passwordHash().value(), clock.instant());
        login.awaitClaimConfirmation();
        em.persist(login);
        accounts.flushClaiming(claim.email(), tenant.name());
        optIns.sendActivationMail(tenant, login);
        return customer.customerNumber();
    }
}
