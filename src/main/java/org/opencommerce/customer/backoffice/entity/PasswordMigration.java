package org.opencommerce.customer.backoffice.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;

/**
 * A tenant's password migration window (the spec's retention configuration): imported legacy password hashes are
 * kept until retentionEndDate; a reminder goes out on emailReminderDate when notifications are on.
 */
@Entity
@Table(name = "password_migration")
@Cacheable(false)
@NamedQuery(name = PasswordMigration.ALL, query = "SELECT m FROM PasswordMigration m ORDER BY m.tenant")
public class PasswordMigration {

    public static final String ALL = "PasswordMigration.all";

    @Id
    private String tenant;

    @Column(name = "retention_end_date", nullable = false)
    private LocalDate retentionEndDate;

    @Column(name = "email_reminder_date", nullable = false)
    private LocalDate emailReminderDate;

    @Column(nullable = false)
    private boolean notifications;

    @Column(name = "reminder_sent", nullable = false)
    private boolean reminderSent;

    /** The reminder goes out in batches: the last login id reminded so far. */
    @Column(name = "reminded_up_to", nullable = false)
    private long remindedUpTo;

    @Version
    private long version;

    protected PasswordMigration() {
    }

    public PasswordMigration(String tenant) {
        this.tenant = tenant;
    }

    /** A new window; the reminder goes out again when its date changed. */
    public void configure(LocalDate retentionEndDate, LocalDate emailReminderDate, boolean notifications) {
        if (!emailReminderDate.equals(this.emailReminderDate)) {
            reminderSent = false;
            remindedUpTo = 0;
        }
        this.retentionEndDate = retentionEndDate;
        this.emailReminderDate = emailReminderDate;
        this.notifications = notifications;
    }

    /** Legacy hashes may be imported and are kept: the window has not ended. */
    public boolean isOpenOn(LocalDate today) {
        return today.isBefore(retentionEndDate);
    }

    public boolean isReminderDueOn(LocalDate today) {
        return notifications && !reminderSent && !today.isBefore(emailReminderDate) && isOpenOn(today);
    }

    /** The reminder reached the logins up to this id; done when that was the last batch. */
    public void remindedUpTo(long accountId, boolean done) {
        remindedUpTo = accountId;
        reminderSent = done;
    }

    public long getRemindedUpTo() {
        return remindedUpTo;
    }

    public String getTenant() {
        return tenant;
    }

    public LocalDate getRetentionEndDate() {
        return retentionEndDate;
    }

    public LocalDate getEmailReminderDate() {
        return emailReminderDate;
    }

    public boolean isNotifications() {
        return notifications;
    }
}
