package org.opencommerce.customer.platform.cluster;

/**
 * A CDI event: state that nodes keep in memory changed in the database (a revocation, an admin change). Fired on the
 * node that made the change right after its commit, and on every other node when it reads the change from the
 * invalidation log ({@link Invalidations}). Caches observe it only when they exist ({@code Reception.IF_EXISTS}): one
 * not made yet has nothing to forget, and no bean is made by a change recorded while the application starts (Payara
 * Server made one then whose EJB references were never injected).
 */
public record Invalidated(Kind kind, String subject) {

    public enum Kind {
        /** One login's grant was revoked; subject: the grant id. */
        GRANT,
        /** Every grant of a customer was revoked (or all but one); subject: the customer id. */
        CUSTOMER,
        /** A back-office client was deleted; subject: its client id. */
        API_CLIENT,
        /** A tenant's settings, storefront clients or webhooks changed, or the tenant was deleted; subject: its name. */
        TENANT,
        /** Anything may have changed: this node could not read the log for a while; subject: empty. */
        ALL
    }
}
