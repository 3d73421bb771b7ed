package org.opencommerce.customer.profile.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.profile.entity.LoginAccount;

import java.util.List;

/** Finds the login accounts of a tenant by email. */
@Stateless
public class Accounts {

    @PersistenceContext
    EntityManager em;

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
