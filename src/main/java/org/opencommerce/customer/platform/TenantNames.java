package org.opencommerce.customer.platform;

import java.util.regex.Pattern;

/** The spec's tenant name rule: {@code ^[a-z][a-z0-9]+$}, 3 to 16 characters. */
public final class TenantNames {

    private static final Pattern PATTERN = Pattern.compile("^[a-z][a-z0-9]{2,15}$");

    private TenantNames() {
    }

    public static boolean isValid(String tenant) {
        return tenant != null && PATTERN.matcher(tenant).matches();
    }

    public static String require(String tenant) {
        if (!isValid(tenant)) {
            throw ApiException.invalidTenant();
        }
        return tenant;
    }
}
