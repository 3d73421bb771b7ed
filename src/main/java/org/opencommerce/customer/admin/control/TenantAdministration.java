package org.opencommerce.customer.admin.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.cluster.Invalidated;
import org.opencommerce.customer.platform.cluster.Invalidations;
import org.opencommerce.customer.platform.web.JsonPatches;
import org.opencommerce.customer.platform.web.Origins;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.platform.crypto.SecretBox;
import org.opencommerce.customer.platform.crypto.Secrets;
import org.opencommerce.customer.platform.TenantNames;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.tenant.entity.StorefrontClient;
import org.opencommerce.customer.tenant.entity.Tenant;
import org.opencommerce.customer.token.entity.Grant;

import java.time.Clock;
import java.util.List;

/**
 * What an operator does through {@code /admin}: tenants, their settings and storefront clients. Settings are read
 * from the database on every request, so a change takes effect at once on every node. Every change is audited.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class TenantAdministration {

    @PersistenceContext
    EntityManager em;

    @Inject
    JsonPatches patches;

    @Inject
    Clock clock;

    @Inject
    SecretBox secrets;

    @Inject
    AuditTrail audit;

    @Inject
    Invalidations invalidations;

    public Tenant create(TenantSettings settings) {
        if (settings.tenant == null || !TenantNames.isValid(settings.tenant)) {
            throw ApiException.invalidTenant();
        }
        if (em.find(Tenant.class, settings.tenant) != null) {
            throw ApiException.conflict("Tenant '" + settings.tenant + "' already exists.");
        }
        Tenant tenant = new Tenant(settings.tenant, clock.instant());
        apply(settings, tenant);
        em.persist(tenant);
        audit.record("tenant.create", tenant.getName(), null, List.of());
        invalidations.record(Invalidated.Kind.TENANT, tenant.getName());
        return tenant;
    }

    public List<Tenant> list() {
        return em.createNamedQuery(Tenant.ALL, Tenant.class).getResultList();
    }

    public Tenant get(String name) {
        Tenant tenant = TenantNames.isValid(name) ? em.find(Tenant.class, name) : null;
        if (tenant == null) {
            throw ApiException.notFound("Tenant '" + name + "' not found.");
        }
        return tenant;
    }

    /** Applies a merge patch (RFC 7396) to the settings; {@code null} restores a default. */
    public Tenant update(String name, JsonValue patch) {
        Tenant tenant = get(name);
        em.lock(tenant, LockModeType.PESSIMISTIC_WRITE);
        TenantSettings patched = patches.apply(TenantSettings.of(tenant), patch, TenantSettings.class);
        if (patched.tenant != null && !patched.tenant.equals(name)) {
            throw ApiException.badRequest("A tenant cannot be renamed.");
        }
        apply(patched, tenant);
        audit.record("tenant.update", name, null, patch instanceof JsonObject fields ? fields.keySet() : List.of());
        invalidations.record(Invalidated.Kind.TENANT, name);
        return tenant;
    }

    /** Deletes the tenant with everything in it; while it has customers only when forced (else 409). */
    public void delete(String name, boolean force) {
        Tenant tenant = get(name);
        long customers = em.createNamedQuery(Customer.COUNT_OF_TENANT, Long.class).setParameter("tenant", name).getSingleResult();
        if (customers > 0 && !force) {
            throw ApiException.conflict("Tenant '" + name + "' still has " + customers + " customers; delete with force=true.");
        }
        em.createNamedQuery(Grant.DELETE_OF_TENANT).setParameter("tenant", name).executeUpdate();
        em.remove(tenant);
        audit.record("tenant.delete", name, null, List.of());
        invalidations.record(Invalidated.Kind.TENANT, name);
    }

    public StorefrontClient addClient(String tenantName, String clientName, List<String> allowedOrigins) {
        Tenant tenant = get(tenantName);
        StorefrontClient client = new StorefrontClient(Secrets.newId(), tenant.getName(), clientName, clock.instant());
        client.allowOrigins(origins(allowedOrigins));
        em.persist(client);
        audit.record("client.create", tenant.getName(), client.getClientId(), List.of("name", "allowedOrigins"));
        invalidations.record(Invalidated.Kind.TENANT, tenant.getName());
        return client;
    }

    /** Replaces the web origins (CORS) of an active client of the tenant. */
    public StorefrontClient allowOrigins(String tenantName, String clientId, List<String> allowedOrigins) {
        StorefrontClient client = activeClient(tenantName, clientId);
        client.allowOrigins(origins(allowedOrigins));
        audit.record("client.update", tenantName, clientId, List.of("allowedOrigins"));
        invalidations.record(Invalidated.Kind.TENANT, tenantName);
        return client;
    }

    public List<StorefrontClient> clients(String tenantName) {
        return em.createNamedQuery(StorefrontClient.OF_TENANT, StorefrontClient.class)
                .setParameter("tenant", get(tenantName).getName()).getResultList();
    }

    /** Revokes a client: anonymous logins with it fail from now on. */
    public void revokeClient(String tenantName, String clientId) {
        activeClient(tenantName, clientId).revoke(clock.instant());
        audit.record("client.revoke", tenantName, clientId, List.of());
        invalidations.record(Invalidated.Kind.TENANT, tenantName);
    }

    private StorefrontClient activeClient(String tenantName, String clientId) {
        StorefrontClient client = clientId == null || clientId.length() > 64 ? null
                : em.createNamedQuery(StorefrontClient.BY_ID, StorefrontClient.class)
                .setParameter("tenant", get(tenantName).getName()).setParameter("id", clientId)
                .getResultStream().findFirst().orElse(null);
        if (client == null || client.isRevoked()) {
            throw ApiException.notFound("Client '" + clientId + "' of tenant '" + tenantName + "' not found.");
        }
        return client;
    }

    /** Origins as browsers send them (lower case, no default port); "*" stays. */
    private static List<String> origins(List<String> given) {
        return given == null ? List.of() : given.stream().map(Origins::of).filter(o -> o != null).distinct().toList();
    }

    private void apply(TenantSettings s, Tenant t) {
        t.setDoubleOptIn(Boolean.TRUE.equals(s.doubleOptIn));
        t.setTokenLifetimes(
                s.anonymousTokenTtlSeconds == null ? Tenant.DEFAULT_ANONYMOUS_TOKEN_TTL : s.anonymousTokenTtlSeconds,
                s.customerTokenTtlSeconds == null ? Tenant.DEFAULT_CUSTOMER_TOKEN_TTL : s.customerTokenTtlSeconds,
                s.refreshTokenTtlSeconds == null ? Tenant.DEFAULT_REFRESH_TOKEN_TTL : s.refreshTokenTtlSeconds);
        t.setRefreshReuseIntervalSeconds(s.refreshReuseIntervalSeconds == null ? Tenant.DEFAULT_REFRESH_REUSE_INTERVAL
                : s.refreshReuseIntervalSeconds);
        t.setMail(s.mailFrom, s.optInUrl, s.passwordResetUrl, s.emailChangeUrl, s.deletionUrl);
        TenantSettings.SocialLogin social = s.socialLogin;
        if (social == null || social.issuer == null) {
            t.setSocialLogin(null, null, null, null);
        } else {
            t.setSocialLogin(social.issuer, social.clientId, secrets.seal(social.clientSecret), social.scopes);
        }
        t.setPasswordMinLength(s.passwordPolicy == null ? null : s.passwordPolicy.minLength);
        t.setPasswordMinStrength(s.passwordPolicy == null ? null : s.passwordPolicy.minStrength);
    }
}
