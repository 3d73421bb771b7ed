package org.opencommerce.customer.platform;

/** Media types beyond those JAX-RS names. */
public final class MediaTypes {

    /** RFC 7396 JSON merge patch. */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private MediaTypes() {
    }
}
