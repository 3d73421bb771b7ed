package org.opencommerce.customer.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A storefront registered for a tenant: its {@code client_id} is what anonymous login asks for. */
@Entity
@Table(name = "storefront_client")
@NamedQuery(name = StorefrontClient.COUNT_ACTIVE,
        query = "SELECT COUNT(c) FROM StorefrontClient c WHERE c.clientId = :clientId AND c.tenant = :tenant AND c.revokedAt IS NULL")
@NamedQuery(name = StorefrontClient.OF_TENANT,
        query = "SELECT c FROM StorefrontClient c WHERE c.tenant = :tenant AND c.revokedAt IS NULL ORDER BY c.createdAt, c.clientId")
public class StorefrontClient {

    public static final String COUNT_ACTIVE = "StorefrontClient.countActive";
    public static final String OF_TENANT = "StorefrontClient.ofTenant";

    @Id
    @Column(name = "client_id", length = 64)
    private String clientId;

    @Column(nullable = false, length = 16)
    private String tenant;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected StorefrontClient() {
    }

    public StorefrontClient(String clientId, String tenant, String name, Instant createdAt) {
        this.clientId = clientId;
        this.tenant = tenant;
        this.name = name;
        this.createdAt = createdAt;
    }

    public String getClientId() {
        return clientId;
    }

    public String getTenant() {
        return tenant;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
