package org.opencommerce.customer.admin.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.webhooks.control.WebhookStore;
import org.opencommerce.customer.mail.control.OutboxStore;
import org.opencommerce.customer.platform.cluster.Invalidations;
import org.opencommerce.customer.profile.control.Accounts;
import org.opencommerce.customer.verification.control.EmailTokens;
import org.opencommerce.customer.token.control.Grants;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One purge of what can no longer be used, for {@link Retention}: RETENTION_SECONDS after it stopped being usable. Each
 * kind is deleted in chunks, each chunk in a transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpiredData {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Inject
    Clock clock;

    @Inject
    Grants grants;

    @Inject
    EmailTokens emailTokens;

    @Inject
    OutboxStore outbox;

    @Inject
    Accounts accounts;

    @Inject
    WebhookStore webhooks;

    @Inject
    Invalidations invalidations;

    @Inject
    @ConfigProperty(name = "RETENTION_SECONDS", defaultValue = "604800")
    long retentionSeconds;

    @Inject
    @ConfigProperty(name = "UNCONFIRMED_SIGNUP_SECONDS", defaultValue = "2592000")
    long unconfirmedSignupSeconds;

    public void purge() {
        Instant now = clock.instant();
        Instant cutoff = now.minusSeconds(retentionSeconds);
        int deleted = grants.purge(cutoff) + emailTokens.purge(cutoff) + outbox.purgeSent(cutoff) + webhooks.purgeDelivered(cutoff)
                + accounts.purgeUnconfirmed(now.minusSeconds(unconfirmedSignupSeconds)) + invalidations.purge();
        LOG.log(deleted > 0 ? Level.INFO : Level.FINE, "Purge: deleted " + deleted + " rows no longer in use");
    }
}
