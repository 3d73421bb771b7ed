package org.opencommerce.customer.tenant.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.JpaHints;
import org.opencommerce.customer.platform.TenantNames;
import org.opencommerce.customer.tenant.entity.StorefrontClient;
import org.opencommerce.customer.tenant.entity.Tenant;

import java.util.Set;

/** Looks up tenants and their storefront clients. */
@Stateless
public class Tenants {

    @PersistenceContext
    EntityManager em;

    /** The tenant of a request; 400 when the name is malformed or unknown. */
    public Tenant require(String name) {
        Tenant tenant = TenantNames.isValid(name) ? em.find(Tenant.class, name) : null;
        if (tenant == null) {
            throw ApiException.invalidTenant();
        }
        return tenant;
    }

    /** The web origins of the tenant's active storefront clients (CORS); none for a malformed or unknown tenant. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Set<String> allowedOrigins(String tenantName) {
        if (!TenantNames.isValid(tenantName)) {
            return Set.of();
        }
        return Set.copyOf(em.createNamedQuery(StorefrontClient.ORIGINS_OF_TENANT, String.class)
                .setParameter("tenant", tenantName).setHint(JpaHints.READ_ONLY, true).getResultList());
    }

    /** The tenant, when clientId is one of its active storefront clients; else 401. */
    public Tenant requireClient(String tenantName, String clientId) {
        Tenant tenant = require(tenantName);
        if (clientId == null || clientId.isBlank() || clientId.length() > 64) {
            throw ApiException.invalidClient();
        }
        long active = em.createNamedQuery(StorefrontClient.COUNT_ACTIVE, Long.class)
                .setParameter("clientId", clientId).setParameter("tenant", tenantName).getSingleResult();
        if (active == 0) {
            throw ApiException.invalidClient();
        }
        return tenant;
    }
}
