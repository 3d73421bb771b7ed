package org.opencommerce.customer.backoffice.control;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** The spec's {@code PasswordMigrationRetentionConfigRequest}. */
public class RetentionRequest {

    @NotNull
    public LocalDate retentionEndDate;
    public LocalDate emailReminderDate;
    public Boolean emailNotificationsEnabled;
}
