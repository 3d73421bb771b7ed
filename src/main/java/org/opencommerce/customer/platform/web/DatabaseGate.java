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
 * before any work that would wait for it. What needs no database passes: CORS preflights, and the key set, which is
 * served from memory and which the server's own MicroProfile JWT realm fetches to verify tokens (Payara's: a key set
 * it could not fetch made it refuse every token until its next fetch).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class DatabaseGate implements ContainerRequestFilter {

    private static final int RETRY_AFTER_SECONDS = 5;
    /** The key set's path (JwksResource), as the request's path relative to the application. */
    private static final String KEY_SET = ".well-known/jwks.json";

    @Inject
    DatabaseAvailability availability;

    @Override
    public void filter(ContainerRequestContext request) {
        if (availability.refusing() && !HttpMethod.OPTIONS.equals(request.getMethod())
                && !isKeySet(request.getUriInfo().getPath())) {
            request.abortWith(ErrorResponses.response(ApiException.unavailable(RETRY_AFTER_SECONDS)));
        }
    }

    private static boolean isKeySet(String path) {
        return KEY_SET.equals(path.startsWith("/") ? path.substring(1) : path);
    }
}
