package org.opencommerce.customer.backoffice.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * A customer's membership of a company (a row of {@code customer_legal_entity}, which {@code Customer#getLegalEntities}
 * adds and removes) seen with its role. Every lookup names the tenant through the legal entity or the customer.
 */
@Entity
@Table(name = "customer_legal_entity")
@IdClass(CompanyMembership.Key.class)
@Cacheable(false)
@NamedQuery(name = CompanyMembership.ADMINISTERED, query = "SELECT m.legalEntityId FROM CompanyMembership m, LegalEntity e "
        + "WHERE e.id = m.legalEntityId AND e.tenant = :tenant AND m.customerId = :customerId AND m.role = :role")
@NamedQuery(name = CompanyMembership.COUNT_IN, query = "SELECT COUNT(m) FROM CompanyMembership m, Customer c "
        + "WHERE c.id = m.customerId AND c.tenant = :tenant AND m.customerId = :customerId AND m.legalEntityId IN :ids")
@NamedQuery(name = CompanyMembership.OF_CUSTOMER, query = "SELECT m.legalEntityId FROM CompanyMembership m, Customer c "
        + "WHERE c.id = m.customerId AND c.tenant = :tenant AND m.customerId = :customerId")
@NamedQuery(name = CompanyMembership.OF_LEGAL_ENTITY, query = "SELECT c, m FROM CompanyMembership m, Customer c, LegalEntity e "
        + "WHERE c.id = m.customerId AND e.id = m.legalEntityId AND e.tenant = :tenant AND m.legalEntityId = :id ORDER BY c.id")
public class CompanyMembership {

    /** The ids of the tenant's legal entities in which a customer has a role. */
    public static final String ADMINISTERED = "CompanyMembership.administered";
    /** Whether a customer of the tenant belongs to one of the legal entities :ids. */
    public static final String COUNT_IN = "CompanyMembership.countIn";
    /** The ids of all legal entities a customer of the tenant belongs to. */
    public static final String OF_CUSTOMER = "CompanyMembership.ofCustomer";
    /** Pairs of customer and membership of one legal entity of the tenant. */
    public static final String OF_LEGAL_ENTITY = "CompanyMembership.ofLegalEntity";

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    @Id
    @Column(name = "legal_entity_id", length = 64)
    private String legalEntityId;

    @Column(nullable = false, length = 16)
    private String role;

    protected CompanyMembership() {
    }

    /** A new membership; the customer and the legal entity exist and belong to the same tenant. */
    public CompanyMembership(long customerId, String legalEntityId, CompanyRole role) {
        this.customerId = customerId;
        this.legalEntityId = legalEntityId;
        this.role = role.value();
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getLegalEntityId() {
        return legalEntityId;
    }

    public CompanyRole getRole() {
        return CompanyRole.of(role);
    }

    public void setRole(CompanyRole role) {
        this.role = role.value();
    }

    public boolean isAdmin() {
        return getRole() == CompanyRole.ADMIN;
    }

    /** The primary key: customer and legal entity. */
    public static class Key implements Serializable {
        private Long customerId;
        private String legalEntityId;

        public Key() {
        }

        public Key(long customerId, String legalEntityId) {
            this.customerId = customerId;
            this.legalEntityId = legalEntityId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(customerId, other.customerId)
                    && Objects.equals(legalEntityId, other.legalEntityId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(customerId, legalEntityId);
        }
    }
}
