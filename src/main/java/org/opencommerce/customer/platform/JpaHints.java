package org.opencommerce.customer.platform;

/** Query hints by name (a provider that does not know a hint ignores it). */
public final class JpaHints {

    /**
     * EclipseLink's read-only query: results are not registered in the persistence context for change tracking, which
     * makes hot reads (GET /me) markedly cheaper. Only for entities that are not changed afterwards.
     */
    public static final String READ_ONLY = "eclipselink.read-only";

    private JpaHints() {
    }
}
