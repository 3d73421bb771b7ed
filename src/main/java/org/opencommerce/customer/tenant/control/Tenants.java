package org.opencommerce.customer.tenant.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.TenantNames;
import org.opencommerce.customer.tenant.entity.StorefrontClient;
import org.opencommerce.customer.tenant.entity.Tenant;

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
