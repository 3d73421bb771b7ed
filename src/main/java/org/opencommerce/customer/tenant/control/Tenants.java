package org.opencommerce.customer.tenant.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.data.JpaHints;
import org.opencommerce.customer.platform.TenantNames;
import org.opencommerce.customer.tenant.entity.StorefrontClient;
import org.opencommerce.customer.tenant.entity.Tenant;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks up tenants and their storefront clients, from memory ({@link TenantCache}). A miss reads in the caller's
 * transaction when there is one (a second connection per request could exhaust the pool under load), read-only; what
 * is kept and answered is an immutable {@link TenantSnapshot}, never the entity: a change goes through the entity
 * manager (the admin API).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Tenants {

    @PersistenceContext
    EntityManager em;

    @Inject
    TenantCache cache;

    /** The tenant of a request; 400 when the name is malformed or unknown. */
    public TenantSnapshot require(String name) {
        TenantSnapshot tenant = config(name).tenant();
        if (tenant == null) {
            throw ApiException.invalidTenant();
        }
        return tenant;
    }

    /** The web origins of the tenant's active storefront clients (CORS); none for a malformed or unknown tenant. */
    public Set<String> allowedOrigins(String tenantName) {
        return config(tenantName).origins();
    }

    /** The tenant, when clientId is one of its active storefront clients; else 401. */
    public TenantSnapshot requireClient(String tenantName, String clientId) {
        TenantSnapshot tenant = require(tenantName);
        if (clientId == null || !config(tenantName).clientIds().contains(clientId)) {
            throw ApiException.invalidClient();
        }
        return tenant;
    }

    private TenantConfig config(String name) {
        return TenantNames.isValid(name) ? cache.get(name, this::load) : TenantConfig.NONE;
    }

    private TenantConfig load(String name) {
        Tenant tenant = em.find(Tenant.class, name, Map.of(JpaHints.READ_ONLY, true));
        if (tenant == null) {
            return TenantConfig.NONE;
        }
        List<StorefrontClient> clients = em.createNamedQuery(StorefrontClient.OF_TENANT, StorefrontClient.class)
                .setParameter("tenant", name).setHint(JpaHints.READ_ONLY, true).getResultList();
        Set<String> origins = new LinkedHashSet<>();
        clients.forEach(client -> origins.addAll(client.getAllowedOrigins()));
        return new TenantConfig(TenantSnapshot.of(tenant),
                Set.copyOf(clients.stream().map(StorefrontClient::getClientId).toList()), Set.copyOf(origins));
    }
}
