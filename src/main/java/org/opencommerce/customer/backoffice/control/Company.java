package org.opencommerce.customer.backoffice.control;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.opencommerce.customer.backoffice.entity.CompanyMembership;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LegalEntity;

import java.util.Set;

/**
 * The customers a request to the tenant-managed customer API may reach ({@link CompanyScope}): the whole tenant for a
 * back-office client, else the members of the legal entities {@code legalEntityIds} that the company admin
 * {@code adminId} manages.
 */
public record Company(String tenant, Long adminId, Set<String> legalEntityIds) {

    static final Company WHOLE_TENANT = new Company(null, null, Set.of());

    public boolean wholeTenant() {
        return adminId == null;
    }

    /** The search condition: the customer is a member of one of the company's legal entities. */
    Predicate reaches(CriteriaBuilder cb, CriteriaQuery<?> query, Root<Customer> customer) {
        Subquery<Long> members = query.subquery(Long.class);
        Root<CompanyMembership> membership = members.from(CompanyMembership.class);
        Root<LegalEntity> entity = members.from(LegalEntity.class);
        members.select(membership.get("customerId")).where(cb.equal(entity.get("pk"), membership.get("legalEntityKey")),
                cb.equal(entity.get("tenant"), tenant), entity.get("id").in(legalEntityIds));
        return customer.get("id").in(members);
    }
}
