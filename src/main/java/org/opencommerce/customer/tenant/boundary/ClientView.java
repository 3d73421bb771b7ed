package org.opencommerce.customer.tenant.boundary;

import org.opencommerce.customer.tenant.entity.StorefrontClient;

/** A storefront client as the admin API answers it. */
public record ClientView(String clientId, String name, String tenant, String createdAt) {

    public static ClientView of(StorefrontClient client) {
        return new ClientView(client.getClientId(), client.getName(), client.getTenant(), client.getCreatedAt().toString());
    }
}
