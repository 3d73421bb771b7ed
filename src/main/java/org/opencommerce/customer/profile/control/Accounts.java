package org.opencommerce.customer.profile.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.opencommerce.customer.credentials.control.PasswordHasher;
import org.opencommerce.customer.credentials.control.PasswordPolicy;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.UniqueKeys;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.tenant.control.Tenants;

import java.time.Clock;

import java.util.List;

/** The login accounts of a tenant: finding them by email, adding one to a profile. */
@Stateless
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordHasher passwords;

    @Inject
    Clock clock;

    /**
     * Adds an email-and-password login to the caller's profile and answers the customer number; 409 when the email is
     * already a login of the tenant.
     */
    public String addPasswordLogin(Caller caller, String email, String password) {
        policy.check(tenants.require(caller.tenant()), "password", password);
        String hash = passwords.hash(password);
        if (exists(caller.tenant(), email)) {
            throw duplicate(email, caller.tenant());
        }
        Customer customer = em.find(Customer.class, caller.customerId());
        if (customer == null || !customer.getTenant().equals(caller.tenant())) {
            throw ApiException.invalidToken();
        }
        em.persist(new LoginAccount(customer, email, hash, clock.instant()));
        flushClaiming(email, caller.tenant());
        return customer.customerNumber();
    }

    /**
     * Writes the transaction's pending changes now, so that a login email taken meanwhile by a concurrent request
     * (the unique key passes the earlier existence check) is answered with the spec's 409, not a failed commit.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void flushClaiming(String email, String tenant) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueKeys.isViolation(e)) {
                throw duplicate(email, tenant);
            }
            throw e;
        }
    }

    /** The spec's 409 for a login email that is taken in the tenant. */
    public static ApiException duplicate(String email, String tenant) {
        return ApiException.conflict("Duplicate account '" + LoginAccount.normalize(email) + "' for tenant '" + tenant + "'.");
    }

    public LoginAccount findByEmail(String tenant, String email) {
        if (email == null) {
            return null;
        }
        List<LoginAccount> found = em.createNamedQuery(LoginAccount.BY_EMAIL, LoginAccount.class)
                .setParameter("tenant", tenant).setParameter("email", LoginAccount.normalize(email))
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    public boolean exists(String tenant, String email) {
        return em.createNamedQuery(LoginAccount.COUNT_BY_EMAIL, Long.class)
                .setParameter("tenant", tenant).setParameter("email", LoginAccount.normalize(email))
                .getSingleResult() > 0;
    }
}
