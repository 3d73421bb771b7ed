package org.opencommerce.customer.token.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One login of one storefront session: every access and refresh token issued for it carries its id. Revoking the
 * grant (logout, refresh-token reuse) invalidates all of them at once. Never cached, so that a revocation made on
 * another node is seen on the next request.
 */
@Entity
@Table(name = "token_grant")
@Cacheable(false)
@NamedQuery(name = Grant.STATE, query = "SELECT g.tenant, g.customerId, g.revokedAt FROM Grant g WHERE g.id = :id")
@NamedQuery(name = Grant.REVOKE_ALL_OF_CUSTOMER,
        query = "UPDATE Grant g SET g.revokedAt = :now WHERE g.customerId = :customerId AND g.id <> :kept AND g.revokedAt IS NULL")
@NamedNativeQuery(name = Grant.PURGE_REVOKED, query = "DELETE FROM token_grant WHERE revoked_at < ?1 LIMIT ?2")
@NamedNativeQuery(name = Grant.PURGE_IDLE, query = "DELETE FROM token_grant WHERE revoked_at IS NULL AND created_at < ?1 "
        + "AND NOT EXISTS (SELECT 1 FROM refresh_token r WHERE r.grant_id = token_grant.id) LIMIT ?2")
@NamedQuery(name = Grant.DELETE_OF_TENANT, query = "DELETE FROM Grant g WHERE g.tenant = :tenant")
public class Grant {

    public static final String PURGE_REVOKED = "Grant.purgeRevoked";
    public static final String PURGE_IDLE = "Grant.purgeIdle";
    public static final String DELETE_OF_TENANT = "Grant.deleteOfTenant";
    public static final String STATE = "Grant.state";
    public static final String REVOKE_ALL_OF_CUSTOMER = "Grant.revokeAllOfCustomer";

    public enum Kind { ANONYMOUS, CUSTOMER }

    @Id
    @Column(length = 32)
    private String id;

    @Column(nullable = false, length = 16)
    private String tenant;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    /** The customer's internal key; it never leaves the service. */
    @Column(name = "customer_id")
    private Long customerId;

    /** The customer's number in its tenant: the subject of the grant's tokens. */
    @Column(name = "customer_number")
    private Long customerNumber;

    @Column(length = 254)
    private String email;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Column(name = "legal_entity_id", length = 64)
    private String legalEntityId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Grant() {
    }

    public Grant(String id, String tenant, Kind kind, Long customerId, Long customerNumber, String email,
                 String sessionId, String legalEntityId, Instant createdAt) {
        this.id = id;
        this.tenant = tenant;
        this.kind = kind;
        this.customerId = customerId;
        this.customerNumber = customerNumber;
        this.email = email;
        this.sessionId = sessionId;
        this.legalEntityId = legalEntityId;
        this.createdAt = createdAt;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public String getId() {
        return id;
    }

    public String getTenant() {
        return tenant;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getCustomerNumber() {
        return customerNumber;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getEmail() {
        return email;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getLegalEntityId() {
        return legalEntityId;
    }

    public void setLegalEntityId(String legalEntityId) {
        this.legalEntityId = legalEntityId;
    }
}
