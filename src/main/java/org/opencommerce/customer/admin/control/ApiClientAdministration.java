package org.opencommerce.customer.admin.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.opencommerce.customer.platform.Roles;
import org.opencommerce.customer.token.control.ApiClients;
import org.opencommerce.customer.token.control.NewClientSecret;
import org.opencommerce.customer.tenant.entity.ApiClient;

import java.util.List;
import java.util.Set;

/** The operator registers, lists, re-keys and revokes a tenant's back-office API clients; every change is audited. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ApiClientAdministration {

    @Inject
    ApiClients clients;

    @Inject
    AuditTrail audit;

    public NewClientSecret register(String tenant, String name, Set<String> scopes) {
        NewClientSecret registered = clients.register(tenant, name, scopes);
        audit.record("api-client.create", tenant, registered.client().getClientId(), List.of("name", "scopes"));
        return registered;
    }

    public List<ApiClient> list(String tenant) {
        return clients.of(tenant);
    }

    public NewClientSecret replaceSecret(String tenant, String clientId) {
        NewClientSecret replaced = clients.replaceSecret(tenant, clientId);
        audit.record("api-client.secret", tenant, clientId, List.of("secret"));
        return replaced;
    }

    public void revoke(String tenant, String clientId) {
        clients.revoke(tenant, clientId);
        audit.record("api-client.revoke", tenant, clientId, List.of());
    }
}
