package org.opencommerce.customer.backoffice.control;

import java.util.Arrays;
import java.util.Optional;

/** The customer fields a back-office query ({@code q}) filters on and {@code sort} orders by. */
public enum SearchField {
    CUSTOMER_NUMBER(Kind.NUMBER, "number", true, "customerNumber", "id"),
    CONTACT_EMAIL(Kind.TEXT, "contactEmail", true, "contactEmail"),
    LOGIN_EMAIL(Kind.LOGIN_EMAIL, null, false, "email", "accounts.id", "accounts.email"),
    FIRST_NAME(Kind.TEXT, "firstName", true, "firstName"),
    LAST_NAME(Kind.TEXT, "lastName", true, "lastName"),
    COMPANY(Kind.TEXT, "company", true, "company"),
    PREFERRED_SITE(Kind.TEXT, "preferredSite", true, "preferredSite"),
    ACTIVE(Kind.BOOLEAN, "active", false, "active"),
    ON_HOLD(Kind.BOOLEAN, "onHold", false, "onHold"),
    CREATED_AT(Kind.TIME, "createdAt", true, "metadata.createdAt", "metadataCreatedAt"),
    MODIFIED_AT(Kind.TIME, "modifiedAt", true, "metadata.modifiedAt"),
    LAST_LOGIN(Kind.LAST_LOGIN, null, false, "lastLogin");

    /** How a field's values are read and compared. */
    public enum Kind { NUMBER, TEXT, LOGIN_EMAIL, BOOLEAN, TIME, LAST_LOGIN }

    private final Kind kind;
    private final String attribute;
    private final boolean sortable;
    private final String[] names;

    SearchField(Kind kind, String attribute, boolean sortable, String... names) {
        this.kind = kind;
        this.attribute = attribute;
        this.sortable = sortable;
        this.names = names;
    }

    public static Optional<SearchField> named(String name) {
        return Arrays.stream(values()).filter(f -> Arrays.asList(f.names).contains(name)).findFirst();
    }

    public Kind kind() {
        return kind;
    }

    /** The attribute of the Customer entity, for the fields that are one. */
    public String attribute() {
        return attribute;
    }

    public boolean sortable() {
        return sortable;
    }

    public String displayName() {
        return names[0];
    }
}
