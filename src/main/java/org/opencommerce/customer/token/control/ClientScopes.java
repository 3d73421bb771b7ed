package org.opencommerce.customer.token.control;

import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Roles;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The scopes a client token may carry. They are also the token's {@code groups}, so that the container checks them as
 * roles ({@code @RolesAllowed}): the operator's {@value Roles#ADMIN}, and the back-office scopes of the tenant-managed
 * API for a tenant's clients.
 */
public final class ClientScopes {

    public static final Set<String> BACK_OFFICE = Set.of(Roles.CUSTOMER_READ, Roles.CUSTOMER_MANAGE, Roles.IMPORT_READ,
            Roles.IMPORT_MANAGE);
    public static final Set<String> OPERATOR = Set.of(Roles.ADMIN);

    private ClientScopes() {
    }

    /**
     * What a token request gets: every scope of the client when it names none, else exactly those it names (400
     * invalid_scope for one the client does not hold).
     */
    public static Set<String> granted(Set<String> held, String requested) {
        if (requested == null || requested.isBlank()) {
            return held;
        }
        Set<String> granted = new LinkedHashSet<>();
        for (String scope : Arrays.asList(requested.trim().split("\\s+"))) {
            if (!held.contains(scope)) {
                throw ApiException.invalidScope(scope.length() > 100 ? scope.substring(0, 100) : scope);
            }
            granted.add(scope);
        }
        return granted;
    }
}
