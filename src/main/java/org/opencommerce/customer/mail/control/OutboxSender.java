package org.opencommerce.customer.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.opencommerce.customer.mail.entity.OutboxMail;
import org.opencommerce.customer.platform.cluster.PeriodicWork;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The mail channel of the outbox: delivers due mails through the server's mail session ({@code mail/customer}) every
 * OUTBOX_POLL_MILLIS. A mail that cannot be sent now stays queued and is tried again later; none is lost.
 */
@ApplicationScoped
public class OutboxSender implements PeriodicWork {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

    @Resource(lookup = "mail/customer")
    Session mailSession;

    @Inject
    OutboxStore store;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "OUTBOX_POLL_MILLIS", defaultValue = "1000")
    long pollMillis;

    private Counter mailsSent;
    private Counter mailsFailed;

    /** Registers the mail metrics (at start, when the work is scheduled, so that /metrics shows them at 0). */
    @PostConstruct
    void registerMetrics() {
        Metadata mails = Metadata.builder().withName("customer.mails")
                .withDescription("Mail delivery attempts by result: sent, failed (queued again for a retry)").build();
        mailsSent = registry.counter(mails, new Tag("result", "sent"));
        mailsFailed = registry.counter(mails, new Tag("result", "failed"));
        registry.gauge(Metadata.builder().withName("customer.mails.queued")
                .withDescription("Mails waiting to be sent (due now or waiting for a retry)").build(),
                store, OutboxStore::countQueued);
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(pollMillis);
    }

    /** Sends the due mails this node could claim. */
    @Override
    public void run() {
        for (OutboxMail mail : store.claimDue()) {
            deliver(mail);
        }
    }

    private void deliver(OutboxMail mail) {
        try {
            Transport.send(toMessage(mail));
            store.markSent(mail.getId());
            mailsSent.inc();
        } catch (MessagingException | RuntimeException e) {
            mailsFailed.inc();
            LOG.warning("Mail " + mail.getId() + " not sent (attempt " + (mail.getAttempts() + 1) + "), will retry: " + e);
            store.markFailed(mail.getId(), e.toString());
        }
    }

    private MimeMessage toMessage(OutboxMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(mailSession);
        if (mail.getSender() != null) {
            message.setFrom(new InternetAddress(mail.getSender()));
        } else {
            message.setFrom();
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.getRecipient()));
        message.setSubject(mail.getSubject(), StandardCharsets.UTF_8.name());
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.getTextBody(), StandardCharsets.UTF_8.name());
        alternatives.addBodyPart(text);
        if (mail.getHtmlBody() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.getHtmlBody(), StandardCharsets.UTF_8.name(), "html");
            alternatives.addBodyPart(html);
        }
        message.setContent(alternatives);
        return message;
    }
}
