package org.opencommerce.customer.platform.cluster;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/**
 * A row that nodes lock (SELECT ... FOR UPDATE) to take turns at work only one may do at a time; the lock ends with
 * the transaction. The rows are made by the schema migration.
 */
@Entity
@Table(name = "cluster_lock")
@Cacheable(false)
public class ClusterLock {

    public static final String SIGNING_KEYS = "signing-keys";
    public static final String DEVELOPMENT_KEY = "development-key";
    public static final String PURGE = "purge";
    public static final String PASSWORD_MIGRATION = "password-migration";

    @Id
    private String name;

    protected ClusterLock() {
    }

    /** Waits until no other node holds the lock, then holds it until the current transaction ends. */
    public static void acquire(EntityManager em, String name) {
        if (em.find(ClusterLock.class, name, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalStateException("The schema lacks the cluster lock row '" + name + "'");
        }
    }
}
