package org.opencommerce.customer.mail.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.opencommerce.customer.mail.entity.OutboxMail;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

import java.time.Clock;
import java.util.Map;

/** Queues mails in the caller's transaction; {@link OutboxSender} delivers them once it has committed. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    MailTemplates templates;

    @Inject
    Clock clock;

    public void queue(TenantSnapshot tenant, String recipient, String template, String language, Map<String, String> values) {
        MailTemplates.RenderedMail mail = templates.render(template, language, values);
        em.persist(new OutboxMail(tenant.name(), tenant.mailFrom(), recipient, mail.subject(), mail.text(),
                mail.html(), clock.instant()));
    }
}
