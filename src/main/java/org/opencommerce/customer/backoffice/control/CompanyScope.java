package org.opencommerce.customer.backoffice.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opencommerce.customer.backoffice.entity.CompanyMembership;
import org.opencommerce.customer.backoffice.entity.CompanyRole;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import org.opencommerce.customer.platform.web.CurrentCaller;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.profile.control.CustomerKey;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LegalEntity;
import org.opencommerce.customer.token.control.TokenClaims;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides which customers a request to the tenant-managed customer API may reach (README, "Back
 * office", "Company admins"). A back-office client reaches the whole tenant. A customer token (the spec's
 * {@code customer.customer_read_own} / {@code customer.customer_manage_own}) reaches the members of the companies its
 * customer administers: the legal entity its login selected (refresh with {@code legalEntityId}), else every legal
 * entity of the tenant in which it is an admin; a customer that administers none of them is refused (403). The role is
 * read from the database on every request, so that revoking it counts at once. A customer outside the company is
 * answered exactly like a customer number that does not exist (404). A company admin cannot change {@code active} or
 * {@code onHold}, delete itself, or delete a colleague who also belongs to a company outside its reach (403); it sees
 * only its own company among a colleague's legal entities.
 *
 * <p>Every method takes the calling bean's entity manager: a nested bean would hold a second pooled connection
 * (SellerViews).
 */
@RequestScoped
public class CompanyScope {

    @Inject
    JsonWebToken token;

    @Inject
    CurrentCaller caller;

    /** This request's company, once resolved. */
    private Company company;

    /** The customers this request reaches; 403 for a customer token whose customer administers no company here. */
    public Company of(EntityManager em, String tenant) {
        if (company == null) {
            company = resolve(em, tenant);
        }
        return company;
    }

    private Company resolve(EntityManager em, String tenant) {
        if (!token.getGroups().contains(Roles.CUSTOMER)) {
            if (token.getClaim(TokenClaims.CLIENT) == null) {
                throw ApiException.forbidden();
            }
            return Company.WHOLE_TENANT;
        }
        Caller customer = caller.customer();
        Set<String> administered = new HashSet<>(em.createNamedQuery(CompanyMembership.ADMINISTERED, String.class)
                .setParameter("tenant", tenant).setParameter("customerId", customer.customerId())
                .setParameter("role", CompanyRole.ADMIN.value()).getResultList());
        if (customer.legalEntityId() != null) {
            administered.retainAll(Set.of(customer.legalEntityId()));
        }
        if (administered.isEmpty()) {
            throw ApiException.forbidden();
        }
        return new Company(tenant, customer.customerId(), Set.copyOf(administered));
    }

    /**
     * Reads, updates (PUT, PATCH): 404, as for a number that names no customer, when the customer is not a member of
     * the company. A company admin's PUT therefore never creates a customer.
     */
    public void requireReachable(EntityManager em, String tenant, String customerNumber) {
        Company reach = of(em, tenant);
        if (reach.wholeTenant()) {
            return;
        }
        long number = CustomerKey.number(customerNumber);
        long memberships = em.createNamedQuery(CompanyMembership.COUNT_IN, Long.class).setParameter("tenant", tenant)
                .setParameter("number", number).setParameter("ids", List.copyOf(reach.legalEntityIds()))
                .getSingleResult();
        if (memberships == 0) {
            throw CustomerKey.customerNotFound(customerNumber);
        }
    }

    /**
     * DELETE: as {@link #requireReachable}; besides, a company admin cannot delete itself nor a colleague who also
     * belongs to a legal entity it does not manage (the deletion would end that membership too): 403.
     */
    public void requireDeletable(EntityManager em, String tenant, String customerNumber) {
        requireReachable(em, tenant, customerNumber);
        Company reach = of(em, tenant);
        if (reach.wholeTenant()) {
            return;
        }
        long number = CustomerKey.number(customerNumber);
        boolean itself = em.createNamedQuery(Customer.BY_NUMBER, Customer.class).setParameter("tenant", tenant)
                .setParameter("number", number).getResultStream().anyMatch(c -> c.getId().equals(reach.adminId()));
        if (itself) {
            throw ApiException.forbidden("A company admin cannot delete itself.");
        }
        List<String> memberOf = em.createNamedQuery(CompanyMembership.OF_CUSTOMER, String.class)
                .setParameter("tenant", tenant).setParameter("number", number).getResultList();
        if (!reach.legalEntityIds().containsAll(memberOf)) {
            throw ApiException.forbidden("The customer also belongs to a company that this company admin does not manage.");
        }
    }

    /**
     * POST: a company admin creates a member of its company, so the company must be one: with several and no legal
     * entity selected by the login, 400 naming legalEntityId.
     */
    public void requireCreatable(EntityManager em, String tenant) {
        Company reach = of(em, tenant);
        if (reach.legalEntityIds().size() > 1) {
            String rule = "a company admin of several legal entities selects one (refresh with legalEntityId) to create customers";
            throw ApiException.validation("The company of the new customer is not chosen: " + rule + ".",
                    List.of(new ErrorMessage.Detail("legalEntityId", "missing_value", rule)));
        }
    }

    /** Within the creating transaction: the new customer becomes a member of the company admin's company. */
    public void enrol(EntityManager em, Customer customer) {
        Company reach = of(em, customer.getTenant());
        if (!reach.wholeTenant()) {
            // a new membership's role is member (the column's default)
            em.createNamedQuery(LegalEntity.BY_ID, LegalEntity.class).setParameter("tenant", customer.getTenant())
                    .setParameter("id", reach.legalEntityIds().iterator().next()).getResultStream().findFirst()
                    .ifPresent(customer.getLegalEntities()::add);
        }
    }

    /**
     * What the caller may see of the customers it reached: a company admin sees only its company among their legal
     * entities, not the other companies a colleague also belongs to.
     */
    public List<SellerView> shown(EntityManager em, String tenant, List<SellerView> views) {
        Company reach = of(em, tenant);
        return reach.wholeTenant() ? views : views.stream().map(v -> v.within(reach.legalEntityIds())).toList();
    }

    /** active and onHold are the back office's: a company admin sending another value than the customer's gets 403. */
    public void requireStatusUnchanged(EntityManager em, Customer customer, Boolean active, Boolean onHold) {
        if (of(em, customer.getTenant()).wholeTenant()) {
            return;
        }
        if (active != null && active != customer.isActive()) {
            throw ApiException.forbidden("A company admin cannot change active.");
        }
        if (onHold != null && onHold != customer.isOnHold()) {
            throw ApiException.forbidden("A company admin cannot change onHold.");
        }
    }
}
