package org.opencommerce.customer.platform.cluster;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of the invalidation log: committed with the change it announces, read by every node, purged after a while. */
@Entity
@Table(name = "invalidation")
@Cacheable(false)
@NamedQuery(name = Invalidation.AFTER, query = "SELECT i FROM Invalidation i WHERE i.id > :after ORDER BY i.id")
@NamedQuery(name = Invalidation.AMONG, query = "SELECT i FROM Invalidation i WHERE i.id IN :ids")
@NamedQuery(name = Invalidation.HIGHEST, query = "SELECT MAX(i.id) FROM Invalidation i")
@NamedQuery(name = Invalidation.PURGE, query = "DELETE FROM Invalidation i WHERE i.createdAt < :cutoff")
public class Invalidation {

    public static final String AFTER = "Invalidation.after";
    public static final String AMONG = "Invalidation.among";
    public static final String HIGHEST = "Invalidation.highest";
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

    protected Invalidation() {
    }

    Invalidation(Invalidated.Kind kind, String subject, Instant createdAt) {
        this.kind = kind;
        this.subject = subject;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Invalidated event() {
        return new Invalidated(kind, subject);
    }
}
