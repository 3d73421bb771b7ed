package org.opencommerce.customer.backoffice.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.backoffice.entity.PasswordMigration;
import org.opencommerce.customer.mail.control.Outbox;
import org.opencommerce.customer.mail.control.StorefrontLinks;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.ErrorMessage;
import org.opencommerce.customer.profile.control.MailedLinks;
import org.opencommerce.customer.profile.entity.LoginAccount;
import org.opencommerce.customer.verification.entity.EmailToken;
import org.opencommerce.customer.tenant.control.Tenants;
import org.opencommerce.customer.tenant.entity.TenantSnapshot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The tenant's password migration window (the spec's retention configuration) and what happens at its dates, in
 * UTC: on emailReminderDate every customer whose imported legacy password is not migrated yet is asked to log in
 * once; from retentionEndDate on, legacy passwords are cleared and, with notifications on, a password reset link is
 * mailed instead. The sweep runs on one node at a time and handles at most MIGRATION_BATCH_SIZE logins per tenant per
 * run; the rest follow in the next runs.
 */
@Stateless
public class PasswordMigrations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    Outbox outbox;

    @Inject
    StorefrontLinks links;

    @Inject
    MailedLinks mailedLinks;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "MIGRATION_BATCH_SIZE", defaultValue = "500")
    int batchSize;

    public PasswordMigration get(String tenant) {
        PasswordMigration migration = em.find(PasswordMigration.class, tenants.require(tenant).name());
        if (migration == null) {
            throw ApiException.notFound("Password migration retention configuration is not set for the tenant.");
        }
        return migration;
    }

    /**
     * Sets the window. retentionEndDate may be today (the window then closes at the next sweep: how a back office ends
     * the migration early) but not in the past; emailReminderDate, when given, is from today to before
     * retentionEndDate; by default 7 days before it, or tomorrow when that would be today or earlier.
     */
    public PasswordMigration configure(String tenantName, RetentionRequest request) {
        TenantSnapshot tenant = tenants.require(tenantName);
        LocalDate today = today();
        LocalDate end = request.retentionEndDate;
        if (end.isBefore(today)) {
            throw invalid("retentionEndDate", "is today or later");
        }
        LocalDate reminder = request.emailReminderDate;
        if (reminder == null) {
            reminder = end.minusDays(7).isAfter(today) ? end.minusDays(7) : today.plusDays(1);
        } else if (reminder.isBefore(today) || !reminder.isBefore(end)) {
            throw invalid("emailReminderDate", "is from today to the day before retentionEndDate");
        }
        PasswordMigration migration = em.find(PasswordMigration.class, tenant.name());
        if (migration == null) {
            migration = new PasswordMigration(tenant.name());
            em.persist(migration);
        }
        migration.configure(end, reminder, !Boolean.FALSE.equals(request.emailNotificationsEnabled));
        return migration;
    }

    /** Removes the window; 400 while a customer still has a legacy password (the window must end first). */
    public void remove(String tenantName) {
        TenantSnapshot tenant = tenants.require(tenantName);
        if (legacyCount(tenant.name()) > 0) {
            throw ApiException.badRequest("Configuration removal is not possible until password migration is concluded: "
                    + "customers still have legacy passwords. Move retentionEndDate to today to conclude it.");
        }
        PasswordMigration migration = em.find(PasswordMigration.class, tenant.name());
        if (migration != null) {
            em.remove(migration);
        }
    }

    /** True when legacy passwords may be imported for the tenant: its window is configured and has not ended. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isOpen(String tenant) {
        PasswordMigration migration = em.find(PasswordMigration.class, tenant);
        return migration != null && migration.isOpenOn(today());
    }

    /** One sweep over all tenants' windows ({@link PasswordMigrationSweep}: on one node at a time). */
    public void sweep() {
        LocalDate today = today();
        for (PasswordMigration migration : em.createNamedQuery(PasswordMigration.ALL, PasswordMigration.class).getResultList()) {
            TenantSnapshot tenant = tenants.require(migration.getTenant());
            if (migration.isReminderDueOn(today)) {
                remind(tenant, migration);
            } else if (!migration.isOpenOn(today)) {
                conclude(tenant, migration);
            }
        }
    }

    private void remind(TenantSnapshot tenant, PasswordMigration migration) {
        List<LoginAccount> batch = legacyAccounts(tenant.name(), migration.getRemindedUpTo());
        for (LoginAccount account : batch) {
            outbox.queue(tenant, account.getEmail(), "password_migration_reminder",
                    account.getCustomer().getPreferredLanguage(), Map.of("firstName", account.getCustomer().greetingName(),
                            "link", links.login(), "retentionEndDate", migration.getRetentionEndDate().toString()));
        }
        migration.remindedUpTo(batch.isEmpty() ? migration.getRemindedUpTo() : batch.get(batch.size() - 1).getId(),
                batch.size() < batchSize);
    }

    private void conclude(TenantSnapshot tenant, PasswordMigration migration) {
        for (LoginAccount account : legacyAccounts(tenant.name(), 0)) {
            account.clearLegacyPassword();
            if (migration.isNotifications()) {
                mailedLinks.send(tenant, EmailToken.Purpose.PASSWORD_RESET, account.getCustomer(), account.getId(),
                        account.getEmail());
            }
        }
    }

    /** The next batch of the tenant's logins with a legacy password, after the login id given. */
    private List<LoginAccount> legacyAccounts(String tenant, long after) {
        return em.createNamedQuery(LoginAccount.LEGACY_OF_TENANT, LoginAccount.class).setParameter("tenant", tenant)
                .setParameter("after", after).setMaxResults(batchSize).getResultList();
    }

    private long legacyCount(String tenant) {
        return em.createNamedQuery(LoginAccount.COUNT_LEGACY_OF_TENANT, Long.class).setParameter("tenant", tenant)
                .getSingleResult();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static ApiException invalid(String field, String rule) {
        return ApiException.validation(field + " " + rule + ".", List.of(new ErrorMessage.Detail(field, "invalid_value", rule)));
    }
}
