package org.opencommerce.customer.admin.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.backoffice.control.CompanyMember;
import org.opencommerce.customer.backoffice.control.CompanyRoles;
import org.opencommerce.customer.backoffice.entity.CompanyRole;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.platform.crypto.Secrets;
import org.opencommerce.customer.profile.control.CustomerKey;
import org.opencommerce.customer.profile.control.Customers;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.profile.entity.LegalEntity;

import java.time.Clock;
import java.util.List;

/** The legal entities (B2B companies) of a tenant and their member customers, for operators (audited). */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class LegalEntityAdministration {

    @PersistenceContext
    EntityManager em;

    @Inject
    TenantAdministration tenants;

    @Inject
    Clock clock;

    @Inject
    Customers customers;

    @Inject
    AuditTrail audit;

    @Inject
    CompanyRoles roles;

    /** A new legal entity; its id is the one given (409 when taken) or a generated one. */
    public LegalEntity create(String tenantName, String id, String name) {
        String tenant = tenants.get(tenantName).getName();
        String entityId = id == null || id.isBlank() ? Secrets.newId() : id;
        if (find(tenant, entityId) != null) {
            throw ApiException.conflict("Legal entity '" + entityId + "' already exists.");
        }
        LegalEntity entity = new LegalEntity(entityId, tenant, name, clock.instant());
        em.persist(entity);
        audit.record("legal-entity.create", tenant, entityId, List.of("name"));
        return entity;
    }

    public List<LegalEntity> list(String tenantName) {
        return em.createNamedQuery(LegalEntity.OF_TENANT, LegalEntity.class)
                .setParameter("tenant", tenants.get(tenantName).getName()).getResultList();
    }

    /** Deletes the legal entity; its members no longer belong to it (the database cascades). */
    public void delete(String tenantName, String id) {
        em.remove(get(tenantName, id));
        audit.record("legal-entity.delete", tenantName, id, List.of());
    }

    public void addMember(String tenantName, String id, String customerNumber) {
        member(tenantName, customerNumber).getLegalEntities().add(get(tenantName, id));
        audit.record("legal-entity.member-add", tenantName, id + "/" + customerNumber, List.of());
    }

    public void removeMember(String tenantName, String id, String customerNumber) {
        member(tenantName, customerNumber).getLegalEntities().remove(get(tenantName, id));
        audit.record("legal-entity.member-remove", tenantName, id + "/" + customerNumber, List.of());
    }

    /** The member's role: admin makes the customer a member first when it is not; member takes the admin role away. */
    public void assignRole(String tenantName, String id, String customerNumber, CompanyRole role) {
        Customer customer = member(tenantName, customerNumber);
        LegalEntity entity = get(tenantName, id);
        if (role == CompanyRole.ADMIN) {
            customer.getLegalEntities().add(entity);
        }
        roles.assign(customer, entity.getId(), role);
        audit.record("legal-entity.role-" + role.value(), tenantName, id + "/" + customerNumber, List.of("role"));
    }

    public List<CompanyMember> members(String tenantName, String id) {
        return roles.members(tenants.get(tenantName).getName(), get(tenantName, id).getId());
    }

    private LegalEntity get(String tenantName, String id) {
        LegalEntity entity = id == null || id.length() > 64 ? null : find(tenants.get(tenantName).getName(), id);
        if (entity == null) {
            throw ApiException.notFound("Legal entity '" + id + "' of tenant '" + tenantName + "' not found.");
        }
        return entity;
    }

    /** The tenant's legal entity of this id, null when it has none (whatever other tenants have). */
    private LegalEntity find(String tenant, String id) {
        return em.createNamedQuery(LegalEntity.BY_ID, LegalEntity.class).setParameter("tenant", tenant)
                .setParameter("id", id).getResultStream().findFirst().orElse(null);
    }

    private Customer member(String tenantName, String customerNumber) {
        return customers.find(CustomerKey.managed(tenants.get(tenantName).getName(), CustomerKey.number(customerNumber), null));
    }
}
