package org.opencommerce.customer.webhooks.control;

import java.util.List;

/** The customer events, as the vendor names them. */
public final class EventTypes {

    public static final String CREATED = "customer.created";
    public static final String UPDATED = "customer.updated";
    public static final String DELETED = "customer.deleted";
    public static final String LOGGED_IN = "customer.logged.in";
    public static final String PASSWORD_RESET = "customer.password-reset";
    public static final String OPT_IN = "customer.opt-in";
    public static final String EMAIL_CHANGE_REQUEST = "customer.email-change-request";
    public static final String EMAIL_CHANGE = "customer.email-change";
    public static final String REFRESH_TOKEN = "customer.refresh-token";

    public static final List<String> ALL = List.of(CREATED, UPDATED, DELETED, LOGGED_IN, PASSWORD_RESET, OPT_IN,
            EMAIL_CHANGE_REQUEST, EMAIL_CHANGE, REFRESH_TOKEN);

    private EventTypes() {
    }
}
