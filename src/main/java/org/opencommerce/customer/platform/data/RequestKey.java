package org.opencommerce.customer.platform.data;

import jakarta.enterprise.context.RequestScoped;
import org.opencommerce.customer.platform.crypto.Secrets;

/**
 * A random key of the current request, the same in each retry of its transaction. A write that must not be repeated
 * stores it, so that a retry after a commit reported failed (a lost database connection: the commit may have
 * happened) can recognise its own work.
 */
@RequestScoped
public class RequestKey {

    private final String value = Secrets.newId();

    public String value() {
        return value;
    }
}
