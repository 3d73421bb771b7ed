package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.ApiException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The one writer of error answers: a status and a problem ({@link ApiException}) become the contract's body — the
 * {@code fault} for 401, {@code ErrorMessage} for everything else — with its headers, through JAX-RS
 * ({@link #response}) or a servlet error page ({@link #write}). One table names the type of each status, and
 * constraint violations become {@code details} one way only ({@link #details}), so one bad field reads the same on
 * every operation.
 */
public final class ErrorResponses {

    private static final Set<String> MISSING = Set.of("NotNull", "NotBlank", "NotEmpty");

    private ErrorResponses() {
    }

    /** The {@code type} of an ErrorMessage for a status that no more specific problem names. */
    public static String typeOf(int status) {
        return switch (status) {
            case 403 -> "forbidden";
            case 404 -> "resource_not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict_resource";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    /** The contract's body of the problem: the fault for 401, else ErrorMessage. */
    public static Object body(ApiException problem) {
        return problem.status() == 401 ? Fault.of(problem.getMessage(), problem.errorCode())
                : new ErrorMessage(problem.status(), problem.type(), problem.getMessage(), null, problem.details());
    }

    /** The JAX-RS answer of the problem, with WWW-Authenticate (401) and Retry-After where it has one. */
    public static Response response(ApiException problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(problem));
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, problem.challenge());
        }
        if (problem.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds()));
        }
        return response.build();
    }

    /** The same answer written by a servlet (the error pages of what the server refuses before JAX-RS runs). */
    public static void write(HttpServletResponse response, ApiException problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (problem.status() == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, problem.challenge());
        }
        if (problem.retryAfterSeconds() > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds()));
        }
        response.getWriter().write(Json.B.toJson(body(problem)));
    }

    /** The details of constraint violations: the field as the request body names it, missing_value or invalid_value. */
    public static List<ErrorMessage.Detail> details(Set<? extends ConstraintViolation<?>> violations) {
        List<ErrorMessage.Detail> details = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            details.add(new ErrorMessage.Detail(field(violation.getPropertyPath()),
                    MISSING.contains(constraint) ? "missing_value" : "invalid_value", violation.getMessage()));
        }
        details.sort(Comparator.comparing(d -> d.field() == null ? "" : d.field()));
        return details;
    }

    /** "signup.request.customerDetails.firstName" becomes "customerDetails.firstName"; the body itself has no field. */
    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        boolean parameterSeen = false;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> { }
                case PARAMETER -> parameterSeen = true;
                // an element of a list or map field: "tags[2]" rather than "tags.<list element>[2]"
                case CONTAINER_ELEMENT -> {
                    if (!names.isEmpty() && (node.getIndex() != null || node.getKey() != null)) {
                        String position = node.getIndex() != null ? String.valueOf(node.getIndex()) : String.valueOf(node.getKey());
                        names.set(names.size() - 1, names.get(names.size() - 1) + "[" + position + "]");
                    }
                }
                default -> {
                    if (node.getName() != null) {
                        names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
                    }
                }
            }
        }
        if (names.isEmpty()) {
            return parameterSeen ? "body" : null;
        }
        return String.join(".", names);
    }

    /** JSON-B for the servlet path, made on first use (JAX-RS answers are written by the runtime's own). */
    private static final class Json {
        static final Jsonb B = JsonbBuilder.create();
    }
}
