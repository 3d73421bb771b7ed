package org.opencommerce.customer.token.control;

import org.opencommerce.customer.tenant.entity.ApiClient;

/** A client with its secret in clear: answered once, when it is registered or its secret is replaced. */
public record NewClientSecret(ApiClient client, String secret) {
}
