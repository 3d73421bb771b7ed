package org.opencommerce.customer.platform.cluster;

import java.time.Duration;

/**
 * Background work that each node runs every {@link #interval()} ({@link ScheduledWork} runs every bean of this type):
 * never twice at once on a node, outside any transaction, and a failed run is only logged and tried again next time.
 */
public interface PeriodicWork {

    /** A short name for the logs and the liveness check ("outbox", "purge", …). */
    String name();

    Duration interval();

    void run();

    /**
     * True for work that one node at a time does, once per interval in the whole cluster: it runs only on the node
     * that takes the lease named {@link #name()} ({@link ClusterLeases}; the schema has a lock row of that name).
     */
    default boolean oncePerCluster() {
        return false;
    }

    /** False for work that does not use the database: it runs also while the database refuses this node. */
    default boolean needsDatabase() {
        return true;
    }
}
