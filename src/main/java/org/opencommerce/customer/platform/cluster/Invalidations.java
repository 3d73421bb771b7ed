package org.opencommerce.customer.platform.cluster;

import org.opencommerce.customer.platform.data.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The invalidation log: what a node keeps in memory (which logins are revoked, tenants' settings) stays true on every
 * node. A change records a row in its own transaction; right after the commit the node that made it applies it (at
 * once), and every node reads the log every INVALIDATION_POLL_MILLIS and applies what it has not seen. A node that
 * has not read the log for a while (its database connection is failing) does not trust its memory: {@link #current()}
 * is false and the caches read the database instead.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Invalidations {

    private static final Logger LOG = Logger.getLogger(Invalidations.class.getName());
    /** Longer than any transaction runs (the servers' default timeout is 120 s): a gap older than this was a rollback. */
    private static final Duration LONGEST_TRANSACTION = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    @Resource
    TimerService timers;

    @Inject
    Event<Invalidated> applied;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "INVALIDATION_POLL_MILLIS", defaultValue = "250")
    long pollMillis;

    private volatile InvalidationCursor cursor;
    private volatile Instant lastRead = Instant.MIN;
    private final AtomicBoolean reading = new AtomicBoolean();

    @PostConstruct
    void start() {
        try {
            cursor = new InvalidationCursor(highest());
            lastRead = clock.instant();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The invalidation log cannot be read yet; caches read the database until it can: " + e);
        }
        timers.createIntervalTimer(pollMillis, pollMillis, new TimerConfig(null, false));
    }

    /**
     * Records a change in the current transaction; after its commit it is applied here at once and on the other
     * nodes within a poll.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(Invalidated.Kind kind, String subject) {
        Invalidated invalidated = new Invalidated(kind, subject);
        em.persist(new Invalidation(kind, subject, clock.instant()));
        // its observers run after the commit (during = AFTER_SUCCESS), not at all after a rollback
        applied.fire(invalidated);
    }

    /** True while this node reads the log in time: memory that the log invalidates may be trusted. */
    public boolean current() {
        return cursor != null && lastRead.isAfter(clock.instant().minusMillis(Math.max(1000, 4 * pollMillis)));
    }

    @Timeout
    void poll() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        try {
            boolean wasCurrent = current();
            Instant now = clock.instant();
            if (cursor == null) {
                cursor = new InvalidationCursor(highest());
            } else {
                apply(em.createNamedQuery(Invalidation.AFTER, Invalidation.class)
                        .setParameter("after", cursor.highest()).getResultList(), now);
                List<Long> gaps = cursor.gaps();
                if (!gaps.isEmpty()) {
                    apply(em.createNamedQuery(Invalidation.AMONG, Invalidation.class).setParameter("ids", gaps)
                            .getResultList(), now);
                }
                cursor.expire(now.minus(LONGEST_TRANSACTION));
            }
            lastRead = now;
            if (!wasCurrent) {
                applied.fire(new Invalidated(Invalidated.Kind.ALL, ""));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The invalidation log could not be read", e);
        } finally {
            reading.set(false);
        }
    }

    /** Deletes the rows every node has read (older than the longest transaction); answers how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int purge() {
        return em.createNamedQuery(Invalidation.PURGE)
                .setParameter("cutoff", clock.instant().minus(LONGEST_TRANSACTION.multipliedBy(2))).executeUpdate();
    }

    private void apply(List<Invalidation> rows, Instant now) {
        for (Invalidation row : rows) {
            if (cursor.accept(row.getId(), now)) {
                applied.fire(row.event());
            }
        }
    }

    private long highest() {
        Long highest = em.createNamedQuery(Invalidation.HIGHEST, Long.class).getSingleResult();
        return highest == null ? 0 : highest;
    }
}
