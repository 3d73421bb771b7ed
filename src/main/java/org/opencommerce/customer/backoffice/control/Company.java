package org.opencommerce.customer.backoffice.control;

import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.opencommerce.customer.backoffice.entity.CompanyMembership;
import org.opencommerce.customer.profile.entity.Customer;

import java.util.Set;

/**
 * The customers a request to the tenant-managed customer API may reach ({@link CompanyScope}): the whole tenant for a
 * back-office client, else the members of the legal entities {@code legalEntityIds} that the company admin
 * {@code adminId} manages.
 */
public record Company(Long adminId, Set<String> legalEntityIds) {

    static final Company WHOLE_TENANT = new Company(null, Set.of());

    public boolean wholeTenant() {
        return adminId == null;
    }

    /** The search condition: the customer is a member of one of the company's legal entities. */
    Predicate reaches(CriteriaQuery<?> query, Root<Customer> customer) {
        Subquery<Long> members = query.subquery(Long.class);
        Root<CompanyMembership> membership = members.from(CompanyMembership.class);
        members.select(membership.get("customerId")).where(membership.get("legalEntityId").in(legalEntityIds));
        return customer.get("id").in(members);
    }
}
