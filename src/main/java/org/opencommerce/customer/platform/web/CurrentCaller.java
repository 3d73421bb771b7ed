package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set by the access-token filter once the token is checked. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public void set(Caller caller) {
        this.caller = caller;
    }

    /** The authenticated caller; only call from methods that require a token. */
    public Caller get() {
        if (caller == null) {
            throw ApiException.invalidToken();
        }
        return caller;
    }

    /** The authenticated customer; an anonymous caller is refused. */
    public Caller customer() {
        Caller current = get();
        if (current.anonymous()) {
            throw ApiException.forbidden();
        }
        return current;
    }
}
