package org.opencommerce.customer.backoffice.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.backoffice.entity.CompanyMembership;
import org.opencommerce.customer.backoffice.entity.CompanyRole;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.profile.entity.Customer;

import java.util.List;

/**
 * The roles of a company's members, for the operator's admin API (which finds the customer and the legal entity of the
 * tenant and audits the change); company admins are checked by {@link CompanyScope}.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class CompanyRoles {

    @PersistenceContext
    EntityManager em;

    /**
     * Within the operator's transaction, after any new membership was added: the member gets the role; 404 when the
     * customer is not a member of the legal entity.
     */
    public void assign(Customer customer, String legalEntityId, CompanyRole role) {
        em.flush();
        CompanyMembership membership = em.createNamedQuery(CompanyMembership.OF_MEMBER, CompanyMembership.class)
                .setParameter("tenant", customer.getTenant()).setParameter("id", legalEntityId)
                .setParameter("customerId", customer.getId()).getResultStream().findFirst().orElse(null);
        if (membership == null) {
            throw ApiException.notFound("Customer '" + customer.customerNumber() + "' is not a member of legal entity '"
                    + legalEntityId + "'.");
        }
        membership.setRole(role);
    }

    /** The members of the tenant's legal entity with their roles, in customer number order. */
    public List<CompanyMember> members(String tenant, String legalEntityId) {
        return em.createNamedQuery(CompanyMembership.OF_LEGAL_ENTITY, Object[].class).setParameter("tenant", tenant)
                .setParameter("id", legalEntityId).getResultList().stream()
                .map(row -> new CompanyMember(((Customer) row[0]).customerNumber(), ((CompanyMembership) row[1]).getRole()))
                .toList();
    }
}
