package org.opencommerce.customer.token.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.cluster.Invalidated;
import org.opencommerce.customer.platform.cluster.Invalidations;
import org.opencommerce.customer.platform.crypto.Secrets;
import org.opencommerce.customer.tenant.entity.Tenant;
import org.opencommerce.customer.tenant.entity.ApiClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The clients that obtain tokens with OAuth2 client credentials: the operator, configured by ADMIN_USER /
 * ADMIN_PASSWORD (no row: every node knows it from its configuration), and the back-office clients of each tenant,
 * whose secrets are 256 random bits stored as their SHA-256 (a slow hash protects guessable passwords, not these).
 */
@Stateless
public class ApiClients {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Invalidations invalidations;

    @Inject
    @ConfigProperty(name = "ADMIN_USER", defaultValue = "admin")
    String operatorId;

    /** Empty (unset) until the operator sets one: then nobody obtains operator tokens. */
    @Inject
    @ConfigProperty(name = "ADMIN_PASSWORD")
    Optional<String> operatorSecret;

    /** The client whose secret this is; empty for an unknown client or a wrong secret. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<ClientIdentity> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null || clientId.length() > 64 || secret.length() > 200) {
            return Optional.empty();
        }
        if (isOperator(clientId)) {
            return sameSecret(secret, Secrets.hash(operatorSecret.orElseThrow()))
                    ? Optional.of(new ClientIdentity(clientId, null, ClientScopes.OPERATOR)) : Optional.empty();
        }
        ApiClient client = em.find(ApiClient.class, clientId);
        if (client == null || !sameSecret(secret, client.getSecretHash())) {
            return Optional.empty();
        }
        return Optional.of(new ClientIdentity(client.getClientId(), client.getTenant(), client.getScopes()));
    }

    /** The tenant of a back-office client; null for one the database does not know (deleted, or not made yet). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String tenantOf(String clientId) {
        ApiClient client = clientId.length() > 64 ? null : em.find(ApiClient.class, clientId);
        return client == null ? null : client.getTenant();
    }

    public NewClientSecret register(String tenant, String name, Set<String> scopes) {
        if (em.find(Tenant.class, tenant) == null) {
            throw ApiException.notFound("Tenant not found");
        }
        if (scopes.isEmpty() || !ClientScopes.BACK_OFFICE.containsAll(scopes)) {
            throw ApiException.badRequest("scopes must be a non-empty subset of " + ClientScopes.BACK_OFFICE + ".");
        }
        String secret = Secrets.newToken();
        ApiClient client = new ApiClient(Secrets.newId(), tenant, name, scopes, Secrets.hash(secret), clock.instant());
        em.persist(client);
        return new NewClientSecret(client, secret);
    }

    public List<ApiClient> of(String tenant) {
        return em.createNamedQuery(ApiClient.OF_TENANT, ApiClient.class).setParameter("tenant", tenant).getResultList();
    }

    /** A new secret; the old one no longer obtains tokens (tokens it already obtained run out). */
    public NewClientSecret replaceSecret(String tenant, String clientId) {
        ApiClient client = find(tenant, clientId);
        String secret = Secrets.newToken();
        client.changeSecret(Secrets.hash(secret), clock.instant());
        return new NewClientSecret(client, secret);
    }

    /** Deletes the client: its tokens are refused at once. */
    public void revoke(String tenant, String clientId) {
        em.remove(find(tenant, clientId));
        invalidations.record(Invalidated.Kind.API_CLIENT, clientId);
    }

    private ApiClient find(String tenant, String clientId) {
        ApiClient client = clientId == null || clientId.length() > 64 ? null : em.find(ApiClient.class, clientId);
        if (client == null || !client.getTenant().equals(tenant)) {
            throw ApiException.notFound("API client not found");
        }
        return client;
    }

    /** True for the operator while ADMIN_PASSWORD is set (switched off without it: its tokens are refused). */
    public boolean isOperator(String clientId) {
        return operatorSecret.filter(s -> !s.isEmpty()).isPresent() && operatorId.equals(clientId);
    }

    /** Compares hashes in constant time, so that the time taken tells nothing about the secret. */
    private static boolean sameSecret(String secret, String storedHash) {
        return MessageDigest.isEqual(Secrets.hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
