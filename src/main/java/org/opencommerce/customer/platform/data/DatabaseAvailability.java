package org.opencommerce.customer.platform.data;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the database refuses this node now, as {@link DatabaseProbe} last found: a refusal is an error the database
 * or the driver answered (the node is down, or a Galera node lost its cluster's quorum and refuses queries), not a
 * slow answer (a busy pool is no outage). While it refuses, requests are answered 503 at once instead of waiting for
 * the driver's and EclipseLink's reconnection attempts (a read outside a transaction is retried three times five
 * seconds apart).
 */
@ApplicationScoped
public class DatabaseAvailability {

    private volatile String refusal;

    /** True while the last probe was refused. */
    public boolean refusing() {
        return refusal != null;
    }

    /** What the database or driver answered the last probe; null while it answers. */
    public String refusal() {
        return refusal;
    }

    void answered() {
        refusal = null;
    }

    void refused(String why) {
        refusal = why;
    }
}
