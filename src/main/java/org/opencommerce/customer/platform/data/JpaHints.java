package org.opencommerce.customer.platform.data;

/** Query hints by name (a provider that does not know a hint ignores it). */
public final class JpaHints {

    /**
     * EclipseLink's read-only query: results are not registered in the persistence context for change tracking, which
     * makes hot reads (GET /me) markedly cheaper. Only for entities that are not changed afterwards.
     */
    public static final String READ_ONLY = "eclipselink.read-only";

    /**
     * EclipseLink's batch reading: the named relationship of all results is read in one more query (with the IN form
     * of {@link #BATCH_TYPE}) rather than one query per result.
     */
    public static final String BATCH = "eclipselink.batch";
    public static final String BATCH_TYPE = "eclipselink.batch.type";
    public static final String BATCH_TYPE_IN = "IN";

    private JpaHints() {
    }
}
