package org.opencommerce.customer.profile.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.opencommerce.customer.mail.control.Outbox;
import org.opencommerce.customer.mail.control.StorefrontLinks;
import org.opencommerce.customer.profile.entity.Customer;
import org.opencommerce.customer.verification.control.EmailTokens;
import org.opencommerce.customer.verification.entity.EmailToken;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

import java.util.HashMap;
import java.util.Map;

/**
 * The one mailed-link flow (activation, password reset, email change, deletion): a single-use token is issued, the
 * purpose's template is rendered with the storefront link that carries it, and the mail is queued in the caller's
 * transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MailedLinks {

    @Inject
    EmailTokens tokens;

    @Inject
    Outbox outbox;

    @Inject
    StorefrontLinks links;

    /**
     * A link of this purpose for the customer (and the login accountId, when the purpose is about one) to recipient;
     * answers the mailed token (for the events of endpoints that include tokens).
     */
    public String send(TenantSnapshot tenant, EmailToken.Purpose purpose, Customer customer, Long accountId, String recipient) {
        return send(tenant, purpose, customer, accountId, recipient, null);
    }

    /** An email change link, bound to the change; answers the mailed token. */
    public String send(TenantSnapshot tenant, EmailToken.Purpose purpose, Customer customer, Long accountId, String recipient,
                       EmailTokens.EmailChange change) {
        String token = tokens.issue(tenant.name(), purpose, customer.getId(), accountId, change);
        Map<String, String> values = new HashMap<>();
        values.put("firstName", customer.greetingName());
        values.put("token", token);
        values.put("link", switch (purpose) {
            case OPT_IN -> links.optIn(tenant, token);
            case PASSWORD_RESET -> links.passwordReset(tenant, token);
            case EMAIL_CHANGE -> links.emailChange(tenant, token);
            case DELETION -> links.deletion(tenant, token);
        });
        if (change != null) {
            values.put("newEmail", change.toEmail());
        }
        outbox.queue(tenant, recipient, templateOf(purpose), customer.getPreferredLanguage(), values);
        return token;
    }

    private static String templateOf(EmailToken.Purpose purpose) {
        return switch (purpose) {
            case OPT_IN -> "opt_in";
            case PASSWORD_RESET -> "password_reset";
            case EMAIL_CHANGE -> "email_change";
            case DELETION -> "deletion";
        };
    }
}
