package org.opencommerce.customer.platform.web;

import jakarta.ws.rs.core.MediaType;

import java.util.Locale;

/** Media types beyond those JAX-RS names. */
public final class MediaTypes {

    /** RFC 7396 JSON merge patch. */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private MediaTypes() {
    }

    /** True for JSON: {@code application/json} and every {@code +json} type (merge patch, problem+json, ...). */
    public static boolean isJson(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json");
    }
}
