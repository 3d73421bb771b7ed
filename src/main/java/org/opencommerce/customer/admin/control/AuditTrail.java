package org.opencommerce.customer.admin.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.opencommerce.customer.admin.entity.AuditEvent;
import org.opencommerce.customer.platform.Roles;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Who changed what through the admin API. An event is written in the transaction of the change it records, so that
 * it exists exactly when the change does; it names fields, never their values (which may be secrets).
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AuditTrail {

    public static final int MAX_EVENTS = 1000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String action, String tenant, String target, Collection<String> fields) {
        String names = fields == null || fields.isEmpty() ? null : String.join(",", fields.stream().sorted().toList());
        if (names != null && names.length() > 1000) {
            names = names.substring(0, 1000);
        }
        em.persist(new AuditEvent(clock.instant(), session.getCallerPrincipal().getName(), action, tenant, target, names));
    }

    /** The newest events first, of one tenant or of all. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEvent> latest(String tenant, int limit) {
        TypedQuery<AuditEvent> query = tenant == null
                ? em.createNamedQuery(AuditEvent.LATEST, AuditEvent.class)
                : em.createNamedQuery(AuditEvent.LATEST_OF_TENANT, AuditEvent.class).setParameter("tenant", tenant);
        return query.setMaxResults(Math.max(1, Math.min(limit, MAX_EVENTS))).getResultList();
    }
}
