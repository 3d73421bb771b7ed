package org.opencommerce.customer.backoffice.control;

import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.web.ErrorMessage;

import java.util.List;

/** The back office's {@code expand}: addresses, accounts and mixins (mixin or mixin:*), comma-separated. */
public record Expansion(boolean addresses, boolean accounts, boolean mixins) {

    public static Expansion parse(String expand) {
        boolean addresses = false;
        boolean accounts = false;
        boolean mixins = false;
        if (expand != null && !expand.isBlank()) {
            for (String part : expand.split(",", 11)) {
                String name = part.trim();
                if (name.equals("addresses")) {
                    addresses = true;
                } else if (name.equals("accounts")) {
                    accounts = true;
                } else if (name.equals("mixin") || name.equals("mixins") || name.startsWith("mixin:")) {
                    mixins = true;
                } else {
                    throw ApiException.validation("expand takes addresses, accounts and mixin:*.",
                            List.of(new ErrorMessage.Detail("expand", "invalid_value", "unknown value '" + name + "'")));
                }
            }
        }
        return new Expansion(addresses, accounts, mixins);
    }
}
