package org.opencommerce.customer.tenant.control;

import org.opencommerce.customer.tenant.entity.TenantSnapshot;

import java.util.Set;

/**
 * A tenant's settings with its active storefront clients and their web origins, immutable (the cache shares it among
 * threads); no tenant for an unknown name.
 */
record TenantConfig(TenantSnapshot tenant, Set<String> clientIds, Set<String> origins) {

    static final TenantConfig NONE = new TenantConfig(null, Set.of(), Set.of());
}
