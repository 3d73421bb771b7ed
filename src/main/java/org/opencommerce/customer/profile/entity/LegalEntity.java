package org.opencommerce.customer.profile.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A company (B2B legal entity) of a tenant; its customers are its members ({@link Customer#getLegalEntities()}). Its id
 * is unique within its tenant only, so it is found only through the tenant ({@link #BY_ID}); its key is internal.
 */
@Entity
@Table(name = "legal_entity")
@Cacheable(false)
@NamedQuery(name = LegalEntity.OF_TENANT, query = "SELECT e FROM LegalEntity e WHERE e.tenant = :tenant ORDER BY e.name, e.id")
@NamedQuery(name = LegalEntity.OF_CUSTOMER,
        query = "SELECT e FROM Customer c JOIN c.legalEntities e WHERE c.id = :customerId ORDER BY e.name, e.id")
@NamedQuery(name = LegalEntity.COUNT_MEMBERSHIP,
        query = "SELECT COUNT(e) FROM Customer c JOIN c.legalEntities e WHERE c.id = :customerId AND e.id = :id")
@NamedQuery(name = LegalEntity.OF_CUSTOMERS, query = "SELECT c.id, e FROM Customer c JOIN c.legalEntities e "
        + "WHERE c.id IN :customerIds ORDER BY e.name, e.id")
@NamedQuery(name = LegalEntity.BY_ID, query = "SELECT e FROM LegalEntity e WHERE e.tenant = :tenant AND e.id = :id")
public class LegalEntity {

    public static final String BY_ID = "LegalEntity.byId";

    /** Pairs of customer id and legal entity. */
    public static final String OF_CUSTOMERS = "LegalEntity.ofCustomers";

    public static final String OF_TENANT = "LegalEntity.ofTenant";
    public static final String OF_CUSTOMER = "LegalEntity.ofCustomer";
    public static final String COUNT_MEMBERSHIP = "LegalEntity.countMembership";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long pk;

    @Column(length = 64, nullable = false, updatable = false)
    private String id;

    @Column(nullable = false, length = 16, updatable = false)
    private String tenant;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LegalEntity() {
    }

    public LegalEntity(String id, String tenant, String name, Instant createdAt) {
        this.id = id;
        this.tenant = tenant;
        this.name = name;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getTenant() {
        return tenant;
    }

    public String getName() {
        return name;
    }
}
