package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.ApiException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.util.Arrays;

/**
 * The one place that reads a request body, for every operation: at most MAX_BODY_BYTES are read (or an operation's
 * own {@link BodyLimit}; beyond that 413, without reading the rest), and a JSON body is parsed completely with JSON-P, its nesting bounded by MAX_JSON_DEPTH,
 * before any binder (JSON-B, JSON-P, merge patch) sees it. Binders then only ever get a complete, well-formed
 * document: JSON-B's skipping of unknown properties has no end-of-input check and would spin for ever on a truncated
 * one (eclipse-ee4j/parsson issue 23).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class RequestBodies implements ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "MAX_BODY_BYTES", defaultValue = "65536")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "MAX_JSON_DEPTH", defaultValue = "32")
    int maxJsonDepth;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = readBounded(context.getInputStream(), context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH),
                limitOf(context.getAnnotations()));
        if (body.length == 0 && isOptional(context.getAnnotations())) {
            return null;
        }
        if (body.length > 0 && MediaTypes.isJson(context.getMediaType())) {
            JsonDocuments.requireWellFormed(body, maxJsonDepth);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean isOptional(Annotation[] parameterAnnotations) {
        return parameterAnnotations != null
                && Arrays.stream(parameterAnnotations).anyMatch(OptionalBody.class::isInstance);
    }

    /** MAX_BODY_BYTES, or the operation's own {@link BodyLimit}. */
    int limitOf(Annotation[] parameterAnnotations) {
        for (Annotation annotation : parameterAnnotations == null ? new Annotation[0] : parameterAnnotations) {
            if (annotation instanceof BodyLimit limit) {
                return limit.bytes();
            }
        }
        return maxBodyBytes;
    }

    static byte[] readBounded(InputStream in, String contentLength, int limit) throws IOException {
        if (contentLength != null && declaredLength(contentLength) > limit) {
            throw ApiException.tooLarge(limit);
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw ApiException.tooLarge(limit);
        }
        return body;
    }

    private static long declaredLength(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
