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
@NamedQuery(name = CompanyMembership.ADMINISTERED, query = "SELECT e.id FROM CompanyMembership m, LegalEntity e "
        + "WHERE e.pk = m.legalEntityKey AND e.tenant = :tenant AND m.customerId = :customerId AND m.role = :role")
@NamedQuery(name = CompanyMembership.COUNT_IN, query = "SELECT COUNT(m) FROM CompanyMembership m, Customer c, LegalEntity e "
        + "WHERE c.id = m.customerId AND e.pk = m.legalEntityKey AND c.tenant = :tenant AND e.tenant = :tenant "
        + "AND c.number = :number AND e.id IN :ids")
@NamedQuery(name = CompanyMembership.OF_CUSTOMER, query = "SELECT e.id FROM CompanyMembership m, Customer c, LegalEntity e "
        + "WHERE c.id = m.customerId AND e.pk = m.legalEntityKey AND c.tenant = :tenant AND c.number = :number")
@NamedQuery(name = CompanyMembership.OF_LEGAL_ENTITY, query = "SELECT c, m FROM CompanyMembership m, Customer c, LegalEntity e "
        + "WHERE c.id = m.customerId AND e.pk = m.legalEntityKey AND e.tenant = :tenant AND e.id = :id ORDER BY c.number")
@NamedQuery(name = CompanyMembership.OF_MEMBER, query = "SELECT m FROM CompanyMembership m, LegalEntity e "
        + "WHERE e.pk = m.legalEntityKey AND e.tenant = :tenant AND e.id = :id AND m.customerId = :customerId")
public class CompanyMembership {

    /** The ids of the tenant's legal entities in which a customer has a role. */
    public static final String ADMINISTERED = "CompanyMembership.administered";
    /** Whether the tenant's customer :number belongs to one of the tenant's legal entities :ids. */
    public static final String COUNT_IN = "CompanyMembership.countIn";
    /** The ids of all legal entities the tenant's customer :number belongs to. */
    public static final String OF_CUSTOMER = "CompanyMembership.ofCustomer";
    /** A customer's membership of the tenant's legal entity :id. */
    public static final String OF_MEMBER = "CompanyMembership.ofMember";
    /** Pairs of customer and membership of one legal entity of the tenant. */
    public static final String OF_LEGAL_ENTITY = "CompanyMembership.ofLegalEntity";

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    /** The legal entity's internal key. */
    @Id
    @Column(name = "legal_entity_pk")
    private Long legalEntityKey;

    @Column(nullable = false, length = 16)
    private String role;

    protected CompanyMembership() {
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

    /** The primary key: customer and legal entity (internal keys). */
    public static class Key implements Serializable {
        private Long customerId;
        private Long legalEntityKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(customerId, other.customerId)
                    && Objects.equals(legalEntityKey, other.legalEntityKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(customerId, legalEntityKey);
        }
    }
}
