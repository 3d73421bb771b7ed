package org.opencommerce.customer.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A back-office API client of a tenant: it obtains short-lived access tokens with OAuth2 client credentials, limited
 * to its scopes. Only the SHA-256 of its secret is stored; deleting the row revokes the client and its tokens.
 */
@Entity
@Table(name = "api_client")
@NamedQuery(name = ApiClient.OF_TENANT,
        query = "SELECT c FROM ApiClient c WHERE c.tenant = :tenant ORDER BY c.createdAt, c.clientId")
public class ApiClient {

    public static final String OF_TENANT = "ApiClient.ofTenant";

    @Id
    @Column(name = "client_id", length = 64)
    private String clientId;

    @Column(nullable = false, length = 16)
    private String tenant;

    @Column(nullable = false, length = 200)
    private String name;

    /** Space-separated, as in a token's scope claim. */
    @Column(nullable = false, length = 1000)
    private String scopes;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "secret_changed_at", nullable = false)
    private Instant secretChangedAt;

    protected ApiClient() {
    }

    public ApiClient(String clientId, String tenant, String name, Set<String> scopes, String secretHash, Instant now) {
        this.clientId = clientId;
        this.tenant = tenant;
        this.name = name;
        this.scopes = String.join(" ", scopes);
        this.secretHash = secretHash;
        this.createdAt = now;
        this.secretChangedAt = now;
    }

    public void changeSecret(String newSecretHash, Instant now) {
        this.secretHash = newSecretHash;
        this.secretChangedAt = now;
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

    public Set<String> getScopes() {
        return new LinkedHashSet<>(Arrays.asList(scopes.split(" ")));
    }

    public String getSecretHash() {
        return secretHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSecretChangedAt() {
        return secretChangedAt;
    }
}
