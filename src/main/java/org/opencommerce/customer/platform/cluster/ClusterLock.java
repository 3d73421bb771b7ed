package org.opencommerce.customer.platform.cluster;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * A row that nodes lock to take turns at work only one may do at a time; the lock ends with the transaction. The
 * holder locks the row (SELECT ... FOR UPDATE, which excludes on one database server) and writes itself into it: on a
 * Galera cluster, where the row lock holds only on the local node, the write makes the second of two concurrent
 * holders fail at commit (certification), and its work is rolled back with it. Periodic work takes the same rows as
 * leases instead ({@link ClusterLeases}). The rows are made by the schema migration.
 */
@Entity
@Table(name = "cluster_lock")
@Cacheable(false)
@NamedQuery(name = ClusterLock.TAKE_LEASE, query = "UPDATE ClusterLock l SET l.heldBy = :holder, l.heldAt = :now, "
        + "l.heldUntil = :until WHERE l.name = :name AND (l.heldUntil IS NULL OR l.heldUntil <= :now)")
public class ClusterLock {

    static final String TAKE_LEASE = "ClusterLock.takeLease";

    public static final String SIGNING_KEYS = "signing-keys";
    public static final String DEVELOPMENT_KEY = "development-key";

    /** This node, for the operator who looks at the rows: the JVM's name (its process id and host). */
    static final String THIS_NODE = ManagementFactory.getRuntimeMXBean().getName();

    @Id
    private String name;

    @Column(name = "held_by")
    private String heldBy;

    @Column(name = "held_at")
    private Instant heldAt;

    /** The end of a lease ({@link ClusterLeases}); null while none was taken. */
    @Column(name = "held_until")
    private Instant heldUntil;

    protected ClusterLock() {
    }

    /** Waits until no other node holds the lock, then holds it until the current transaction ends. */
    public static void acquire(EntityManager em, String name) {
        ClusterLock lock = em.find(ClusterLock.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (lock == null) {
            throw new IllegalStateException("The schema lacks the cluster lock row '" + name + "'");
        }
        lock.heldBy = THIS_NODE;
        lock.heldAt = Instant.now();
        em.flush();
    }
}
