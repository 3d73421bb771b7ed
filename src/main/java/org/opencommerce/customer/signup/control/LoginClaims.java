package org.opencommerce.customer.signup.control;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.profile.control.Accounts;
import org.opencommerce.customer.profile.control.Customers;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.secrets.control.PasswordHasher;
import org.opencommerce.customer.secrets.control.PasswordPolicy;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

import java.time.Clock;

/**
 * Extra logins of a profile (POST /me/accounts/internal). Nobody may squat an address they do not own: the new login
 * stays pending until its address confirms it through the activation link of double opt-in, and a pending claim
 * gives way to the address owner's own sign-up.
 */
@Stateless
public class LoginClaims {

    @PersistenceContext
    EntityManager em;

    @Inject
    Customers customers;

    @Inject
    Tenants tenants;

    @Inject
    Accounts accounts;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordHasher passwords;

    @Inject
    OptIns optIns;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /**
     * Claims the email as another login of the caller's profile, mails the activation link to it and answers the
     * customer number; 409 when the email is already a login of the tenant. The password is hashed outside any
     * transaction.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String claim(Caller caller, String email, String password) {
        policy.check(tenants.require(caller.tenant()), "password", password);
        String hash = passwords.hash(password);
        return context.getBusinessObject(LoginClaims.class).create(caller, email, hash);
    }

    /** The transactional part of {@link #claim}. */
    public String create(Caller caller, String email, String passwordHash) {
        TenantSnapshot tenant = tenants.require(caller.tenant());
        if (accounts.exists(tenant.name(), email)) {
            throw Accounts.duplicate(email, tenant.name());
        }
        Customer customer = customers.find(caller);
        LoginAccount login = new LoginAccount(customer, email, passwordHash, clock.instant());
        login.awaitClaimConfirmation();
        em.persist(login);
        accounts.flushClaiming(email, tenant.name());
        optIns.sendActivationMail(tenant, login);
        return customer.customerNumber();
    }
}
