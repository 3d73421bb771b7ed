package org.opencommerce.customer.platform.cluster;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A row of the invalidation log: committed with the change it announces, read by every node, purged after a while.
 * It names its writer (a node run) and its place in that writer's sequence, which readers follow.
 */
@Entity
@Table(name = "invalidation")
@Cacheable(false)
@NamedQuery(name = Invalidation.HIGHEST, query = "SELECT MAX(i.id) FROM Invalidation i")
@NamedQuery(name = Invalidation.WRITERS, query = "SELECT i.writer, MAX(i.seq) FROM Invalidation i "
        + "WHERE i.writer IS NOT NULL GROUP BY i.writer")
@NamedQuery(name = Invalidation.RECENT_WRITERS,
        query = "SELECT DISTINCT i.writer FROM Invalidation i WHERE i.writer IS NOT NULL AND i.createdAt >= :since")
@NamedNativeQuery(name = Invalidation.PURGE, query = "DELETE FROM invalidation WHERE created_at < ?1 LIMIT ?2")
public class Invalidation {

    public static final String HIGHEST = "Invalidation.highest";
    /** Each writer's highest sequence number. */
    public static final String WRITERS = "Invalidation.writers";
    public static final String RECENT_WRITERS = "Invalidation.recentWriters";
    public static final String PURGE = "Invalidation.purge";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Invalidated.Kind kind;

    @Column(nullable = false)
    private String subject;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The node run that wrote the row; null on rows written before writers were recorded. */
    private String writer;

    /** The row's place in its writer's sequence (1, 2, 3, …). */
    private Long seq;

    protected Invalidation() {
    }

    Invalidation(String writer, long seq, Invalidated.Kind kind, String subject, Instant createdAt) {
        this.writer = writer;
        this.seq = seq;
        this.kind = kind;
        this.subject = subject;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getWriter() {
        return writer;
    }

    public Long getSeq() {
        return seq;
    }

    public Invalidated event() {
        return new Invalidated(kind, subject);
    }
}
