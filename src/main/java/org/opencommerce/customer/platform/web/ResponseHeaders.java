package org.opencommerce.customer.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;

/**
 * Headers every answer needs: JSON is never sniffed as something else ({@code X-Content-Type-Options: nosniff}), and
 * answers of {@link NoStore} operations (tokens) are never cached ({@code Cache-Control: no-store},
 * {@code Pragma: no-cache}).
 */
@Provider
public class ResponseHeaders implements ContainerResponseFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (MediaTypes.isJson(response.getMediaType())) {
            response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        }
        Method method = resource.getResourceMethod();
        if (method != null && method.isAnnotationPresent(NoStore.class)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            response.getHeaders().putSingle("Pragma", "no-cache");
        }
    }
}
