package org.opencommerce.customer.platform.web;

import jakarta.enterprise.context.RequestScoped;

/** The address the current request comes from (see {@link ClientAddresses}), set by {@link ClientAddressFilter}. */
@RequestScoped
public class CurrentClient {

    private String address = "unknown";

    void set(String address) {
        this.address = address;
    }

    public String address() {
        return address;
    }
}
