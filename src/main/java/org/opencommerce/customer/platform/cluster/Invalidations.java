package org.opencommerce.customer.platform.cluster;

import org.opencommerce.customer.platform.data.ChunkedPurge;
import org.opencommerce.customer.platform.data.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.crypto.Secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
    /** A writer without a row for this long is forgotten (a stopped node run); followed anew should it write again. */
    private static final Duration QUIET_WRITER = Duration.ofHours(1);
    /** How often the writers of recent rows are read (every this many polls), for one whose first rows came late. */
    private static final int POLLS_PER_WRITERS_READ = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    ChunkedPurge purge;

    @Inject
    Event<Invalidated> applied;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "INVALIDATION_POLL_MILLIS", defaultValue = "250")
    long pollMillis;

    /** This node run, as the writer of its rows: every start a new one, numbering its rows from 1. */
    private final String writer = Secrets.newId();
    private final AtomicLong written = new AtomicLong();
    private volatile InvalidationCursor cursor;
    private volatile Instant lastRead = Instant.MIN;
    private int pollsSinceWritersRead;

    @PostConstruct
    void start() {
        try {
            cursor = startingCursor();
            lastRead = clock.instant();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The invalidation log cannot be read yet; caches read the database until it can: " + e);
        }
    }

    /**
     * Records a change in the current transaction; after its commit it is applied here at once and on the other
     * nodes within a poll.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(Invalidated.Kind kind, String subject) {
        Invalidated invalidated = new Invalidated(kind, subject);
        em.persist(new Invalidation(writer, written.incrementAndGet(), kind, subject, clock.instant()));
        // its observers run after the commit (during = AFTER_SUCCESS), not at all after a rollback
        applied.fire(invalidated);
    }

    /** True while this node reads the log in time: memory that the log invalidates may be trusted. */
    public boolean current() {
        return cursor != null && lastRead.isAfter(clock.instant().minusMillis(Math.max(1000, 4 * pollMillis)));
    }

    /** Reads what the log has new for this node and applies it ({@link InvalidationPoll}, every INVALIDATION_POLL_MILLIS). */
    public void poll() {
        try {
            boolean wasCurrent = current();
            Instant now = clock.instant();
            if (cursor == null) {
                cursor = startingCursor();
            } else {
                if (++pollsSinceWritersRead >= POLLS_PER_WRITERS_READ) {
                    pollsSinceWritersRead = 0;
                    em.createNamedQuery(Invalidation.RECENT_WRITERS, String.class)
                            .setParameter("since", now.minus(LONGEST_TRANSACTION)).getResultList()
                            .forEach(recent -> cursor.follow(recent, now));
                }
                for (Invalidation row : unseen()) {
                    if (cursor.accept(row.getId(), row.getWriter(), row.getSeq(), now)) {
                        applied.fire(row.event());
                    }
                }
                cursor.expire(now.minus(LONGEST_TRANSACTION), now.minus(QUIET_WRITER));
            }
            lastRead = now;
            if (!wasCurrent) {
                applied.fire(new Invalidated(Invalidated.Kind.ALL, ""));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The invalidation log could not be read", e);
        }
    }

    /** Deletes the rows every node has read (older than the longest transaction); answers how many. */
    public int purge() {
        return purge.all(Invalidation.PURGE, clock.instant().minus(LONGEST_TRANSACTION.multipliedBy(2)));
    }

    /**
     * The rows this node may not have seen, in one query: ids above the highest seen (rows of writers not followed
     * yet), and per followed writer the numbers above its highest and its gaps.
     */
    private List<Invalidation> unseen() {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Invalidation> query = cb.createQuery(Invalidation.class);
        Root<Invalidation> row = query.from(Invalidation.class);
        List<Predicate> unseen = new ArrayList<>();
        unseen.add(cb.gt(row.get("id"), cursor.highestId()));
        for (InvalidationCursor.Position position : cursor.positions()) {
            Predicate later = cb.gt(row.get("seq"), position.highest());
            Predicate numbers = position.gaps().isEmpty() ? later : cb.or(later, row.get("seq").in(position.gaps()));
            unseen.add(cb.and(cb.equal(row.get("writer"), position.writer()), numbers));
        }
        query.select(row).where(cb.or(unseen.toArray(Predicate[]::new))).orderBy(cb.asc(row.get("id")));
        return em.createQuery(query).getResultList();
    }

    private InvalidationCursor startingCursor() {
        Long highest = em.createNamedQuery(Invalidation.HIGHEST, Long.class).getSingleResult();
        Map<String, Long> writers = new HashMap<>();
        for (Object[] position : em.createNamedQuery(Invalidation.WRITERS, Object[].class).getResultList()) {
            writers.put((String) position[0], ((Number) position[1]).longValue());
        }
        return new InvalidationCursor(highest == null ? 0 : highest, writers, clock.instant());
    }
}
