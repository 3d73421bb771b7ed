package org.opencommerce.customer.platform.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/** Records where each request comes from, before anything that throttles by address runs. */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class ClientAddressFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest servletRequest;

    @Inject
    ClientAddresses addresses;

    @Inject
    CurrentClient client;

    @Override
    public void filter(ContainerRequestContext request) {
        client.set(addresses.of(servletRequest.getRemoteAddr(), request.getHeaderString("X-Forwarded-For")));
    }
}
