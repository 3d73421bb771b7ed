package org.opencommerce.customer.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One change made through the admin API: who (the operator or client named by its token), what (an action such as
 * {@code tenant.update}), on which tenant and object, which fields (names only: values may be secrets), and when.
 */
@Entity
@Table(name = "audit_event")
@NamedQuery(name = AuditEvent.LATEST, query = "SELECT e FROM AuditEvent e ORDER BY e.at DESC, e.id DESC")
@NamedQuery(name = AuditEvent.LATEST_OF_TENANT,
        query = "SELECT e FROM AuditEvent e WHERE e.tenant = :tenant ORDER BY e.at DESC, e.id DESC")
public class AuditEvent {

    public static final String LATEST = "AuditEvent.latest";
    public static final String LATEST_OF_TENANT = "AuditEvent.latestOfTenant";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 100)
    private String actor;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(length = 16)
    private String tenant;

    @Column(length = 200)
    private String target;

    @Column(length = 1000)
    private String fields;

    protected AuditEvent() {
    }

    public AuditEvent(Instant at, String actor, String action, String tenant, String target, String fields) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.tenant = tenant;
        this.target = target;
        this.fields = fields;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTenant() {
        return tenant;
    }

    public String getTarget() {
        return target;
    }

    public String getFields() {
        return fields;
    }
}
