package org.opencommerce.customer.tenant.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencommerce.customer.platform.web.Origins;
import org.opencommerce.customer.tenant.control.Tenants;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin requests of browser storefronts (CORS) to the storefront API ({@code /customer/...},
 * {@code /customerlogin/...}): an origin is allowed when it is one of the web origins of the tenant's storefront clients
 * or of CORS_ALLOWED_ORIGINS (default: the origin of STOREFRONT_URL), matched exactly (scheme, host and port; "*"
 * only where configured). A preflight carries no token, so the tenant is the one of the path, or the {@code tenant} /
 * {@code hybris-tenant} parameter of the anonymous login. A disallowed origin gets no CORS headers (the browser blocks
 * the answer); the request itself is judged by its token as always.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String HEADERS = "Authorization, Content-Type, session-id";
    private static final String EXPOSED = "Retry-After, Count";
    private static final String DECISION = CorsFilter.class.getName() + ".allowed";

    @Inject
    Tenants tenants;

    @Inject
    @ConfigProperty(name = "CORS_ALLOWED_ORIGINS")
    Optional<String> configuredOrigins;

    @Inject
    @ConfigProperty(name = "STOREFRONT_URL", defaultValue = "http://localhost:3000")
    String storefrontUrl;

    @Inject
    @ConfigProperty(name = "CORS_MAX_AGE_SECONDS", defaultValue = "600")
    int maxAgeSeconds;

    private Set<String> serverOrigins;

    @PostConstruct
    void init() {
        String origins = configuredOrigins.orElse(storefrontUrl);
        serverOrigins = "none".equalsIgnoreCase(origins.trim()) ? Set.of()
                : Arrays.stream(origins.split(",")).map(Origins::of).filter(o -> o != null).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !HttpMethod.OPTIONS.equals(request.getMethod())
                || request.getHeaderString("Access-Control-Request-Method") == null) {
            return;
        }
        String tenant = tenantOf(request);
        if (tenant == null) {
            return;
        }
        Response.ResponseBuilder preflight = Response.noContent().header(HttpHeaders.VARY, "Origin");
        if (isAllowed(request, origin, tenant)) {
            preflight.header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", METHODS)
                    .header("Access-Control-Allow-Headers", HEADERS)
                    .header("Access-Control-Max-Age", maxAgeSeconds);
        }
        request.abortWith(preflight.build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        String tenant = tenantOf(request);
        if (origin == null || tenant == null) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle(HttpHeaders.VARY, "Origin");
        if (isAllowed(request, origin, tenant)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.putSingle("Access-Control-Expose-Headers", EXPOSED);
        }
    }

    /** Decided once per request (a preflight passes both filters). */
    private boolean isAllowed(ContainerRequestContext request, String origin, String tenant) {
        Object decided = request.getProperty(DECISION);
        if (decided == null) {
            decided = isAllowed(origin, tenant);
            request.setProperty(DECISION, decided);
        }
        return (Boolean) decided;
    }

    private boolean isAllowed(String origin, String tenant) {
        String normal = Origins.of(origin);
        if (normal == null || "*".equals(normal)) {
            return false;
        }
        if (serverOrigins.contains(normal) || serverOrigins.contains("*")) {
            return true;
        }
        Set<String> ofTenant = tenants.allowedOrigins(tenant);
        return ofTenant.contains(normal) || ofTenant.contains("*");
    }

    /** The tenant a storefront request is for; null for paths outside the storefront API. */
    static String tenantOf(ContainerRequestContext request) {
        List<String> segments = request.getUriInfo().getPathSegments().stream().map(s -> s.getPath()).toList();
        if (segments.size() >= 2 && "customer".equals(segments.get(0))) {
            return segments.get(1);
        }
        if (!segments.isEmpty() && "customerlogin".equals(segments.get(0))) {
            MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
            String tenant = query.getFirst("tenant");
            return tenant != null ? tenant : query.getFirst("hybris-tenant");
        }
        return null;
    }
}
