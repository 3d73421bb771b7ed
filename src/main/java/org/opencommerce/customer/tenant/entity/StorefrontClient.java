package org.opencommerce.customer.tenant.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** A storefront registered for a tenant: its {@code client_id} is what anonymous login asks for. */
@Entity
@Table(name = "storefront_client")
@NamedQuery(name = StorefrontClient.OF_TENANT,
        query = "SELECT c FROM StorefrontClient c WHERE c.tenant = :tenant AND c.revokedAt IS NULL ORDER BY c.createdAt, c.clientId")
@NamedQuery(name = StorefrontClient.BY_ID,
        query = "SELECT c FROM StorefrontClient c WHERE c.tenant = :tenant AND c.clientId = :id")
public class StorefrontClient {

    public static final String OF_TENANT = "StorefrontClient.ofTenant";
    /** A client of the tenant, found through it. */
    public static final String BY_ID = "StorefrontClient.byId";

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

    /** The web origins (scheme://host[:port]) the client's pages are served from, or "*" for any. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "storefront_client_origin", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "origin", length = 255)
    private Set<String> allowedOrigins = new LinkedHashSet<>();

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

    public Set<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void allowOrigins(Collection<String> origins) {
        allowedOrigins.clear();
        allowedOrigins.addAll(origins);
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
