package org.opencommerce.customer.admin.boundary;

import org.opencommerce.customer.tenant.entity.StorefrontClient;

import java.util.List;

/** A storefront client as the admin API answers it. */
public record ClientView(String clientId, String name, String tenant, List<String> allowedOrigins, String createdAt) {

    public static ClientView of(StorefrontClient client) {
        return new ClientView(client.getClientId(), client.getName(), client.getTenant(),
                client.getAllowedOrigins().stream().sorted().toList(), client.getCreatedAt().toString());
    }
}
