package org.opencommerce.customer.tenant.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.cluster.Invalidated;
import org.opencommerce.customer.platform.cluster.Invalidations;
import org.opencommerce.customer.platform.TenantNames;
import org.opencommerce.customer.tenant.entity.StorefrontClient;
import org.opencommerce.customer.tenant.entity.Tenant;

import java.time.Clock;
import java.util.logging.Logger;

/** Makes sure the bootstrap tenant and its storefront client exist, so that a fresh deployment can be used at once. */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "Invalidations"})
public class TenantBootstrap {

    private static final Logger LOG = Logger.getLogger(TenantBootstrap.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Invalidations invalidations;

    @Inject
    @ConfigProperty(name = "BOOTSTRAP_TENANT", defaultValue = "demo")
    String tenantName;

    @Inject
    @ConfigProperty(name = "BOOTSTRAP_CLIENT_ID", defaultValue = "demo-storefront")
    String clientId;

    @PostConstruct
    void ensureBootstrapTenant() {
        if (!TenantNames.isValid(tenantName)) {
            throw new IllegalStateException("BOOTSTRAP_TENANT '" + tenantName + "' does not match ^[a-z][a-z0-9]+$ (3-16 characters)");
        }
        if (em.find(Tenant.class, tenantName) == null) {
            em.persist(new Tenant(tenantName, clock.instant()));
            em.flush(); // the client row refers to it
            LOG.info("Created the bootstrap tenant '" + tenantName + "'");
            invalidations.record(Invalidated.Kind.TENANT, tenantName);
        }
        if (em.find(StorefrontClient.class, clientId) == null) {
            em.persist(new StorefrontClient(clientId, tenantName, "Bootstrap storefront", clock.instant()));
            LOG.info("Registered the storefront client '" + clientId + "' for tenant '" + tenantName + "'");
            invalidations.record(Invalidated.Kind.TENANT, tenantName);
        }
    }
}
