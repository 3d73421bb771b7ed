package org.opencommerce.customer.platform.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.data.DatabaseAvailability;

/**
 * Answers 503 with {@code Retry-After} at once while the database refuses this node ({@link DatabaseAvailability}),
 * before any work that would wait for it. CORS preflights pass: they need no database.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class DatabaseGate implements ContainerRequestFilter {

    private static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    DatabaseAvailability availability;

    @Override
    public void filter(ContainerRequestContext request) {
        if (availability.refusing() && !HttpMethod.OPTIONS.equals(request.getMethod())) {
            request.abortWith(ErrorResponses.response(ApiException.unavailable(RETRY_AFTER_SECONDS)));
        }
    }
}
