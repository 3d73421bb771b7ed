package org.opencommerce.customer.platform;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The one place where failures become the spec's error bodies. Nothing else builds an error response. */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());
    private static final Set<String> MISSING = Set.of("NotNull", "NotBlank", "NotEmpty");
    private static final int RETRY_AFTER_OUTAGE_SECONDS = 5;

    @Context
    ResourceInfo resource;

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (isRefusal(cause)) {
            return errorResponse(refusal());
        }
        if (LockConflictRetries.isLockConflict(failure)) {
            LOG.warning("A request still met a lock conflict after its retries");
            return errorResponse(ApiException.unavailable(1));
        }
        if (databaseUnavailable(failure)) {
            LOG.warning("The database is unavailable: " + rootMessage(failure));
            return errorResponse(ApiException.unavailable(RETRY_AFTER_OUTAGE_SECONDS));
        }
        if (cause instanceof ApiException api) {
            return errorResponse(api);
        }
        if (cause instanceof ConstraintViolationException invalid) {
            return error(400, "validation_failure", "The request is not valid.", details(invalid.getConstraintViolations()));
        }
        if (cause instanceof JsonbException || cause instanceof JsonException || cause instanceof ProcessingException) {
            return error(400, "bad_request", "The request body is not valid JSON for this operation.", List.of());
        }
        if (cause instanceof OptimisticLockException) {
            return error(409, "optimistic_lock_failure", "The resource was changed by another request; read it again.", List.of());
        }
        if (cause instanceof NotFoundException) {
            return error(404, "resource_not_found", "Resource not found.", List.of());
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 401) {
                return errorResponse(ApiException.invalidToken());
            }
            if (status >= 400 && status < 500) {
                return error(status, typeOf(status), web.getResponse().getStatusInfo().getReasonPhrase(), List.of());
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, cause);
        return error(500, "internal_error", "An unexpected error occurred (incident " + incident + ").", List.of());
    }

    /** The database cannot be reached (refused, down, pool without connections): the SQL state class 08 and its kin. */
    private static boolean databaseUnavailable(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < 20 && current != null; depth++) {
            if (current instanceof SQLTransientConnectionException || current instanceof SQLNonTransientConnectionException
                    || current instanceof SQLRecoverableException || current instanceof ConnectException
                    || current instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; depth < 20 && root.getCause() != null && root.getCause() != root; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** A 403 of the application or of the container's role checks (@RolesAllowed on resources and EJBs). */
    private static boolean isRefusal(Throwable cause) {
        return cause instanceof ApiException api && api.status() == 403 || cause instanceof ForbiddenException
                || cause instanceof EJBAccessException;
    }

    /**
     * What a refused request answers: 401 without a token (the container refuses before asking who is calling), 401
     * where the spec lists only 401 ({@link RefusedAs401}), else 403.
     */
    private ApiException refusal() {
        Method method = resource == null ? null : resource.getResourceMethod();
        boolean only401 = method != null && method.isAnnotationPresent(RefusedAs401.class);
        return only401 || security.getUserPrincipal() == null ? ApiException.invalidToken() : ApiException.forbidden();
    }

    public static Response errorResponse(ApiException api) {
        if (api.status() == 401) {
            return Response.status(401)
                    .header(HttpHeaders.WWW_AUTHENTICATE, api.challenge())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Fault.of(api.getMessage(), api.errorCode()))
                    .build();
        }
        Response.ResponseBuilder response = errorBuilder(api.status(), api.type(), api.getMessage(), api.details());
        if (api.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(api.retryAfterSeconds()));
        }
        return response.build();
    }

    private static Response error(int status, String type, String message, List<ErrorMessage.Detail> details) {
        return errorBuilder(status, type, message, details).build();
    }

    private static Response.ResponseBuilder errorBuilder(int status, String type, String message,
                                                         List<ErrorMessage.Detail> details) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status, type, message, null, details));
    }

    /** The meaningful failure inside container wrappers (EJBException, ProcessingException, ...), else the failure. */
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < 10 && current != null; depth++) {
            if (current instanceof ApiException || current instanceof EJBAccessException
                    || current instanceof ConstraintViolationException
                    || current instanceof JsonbException || current instanceof JsonException
                    || current instanceof OptimisticLockException) {
                return current;
            }
            current = current instanceof EJBException ejb && ejb.getCausedByException() != null
                    ? ejb.getCausedByException() : current.getCause();
        }
        return failure;
    }

    private static List<ErrorMessage.Detail> details(Set<ConstraintViolation<?>> violations) {
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

    private static String typeOf(int status) {
        return switch (status) {
            case 403 -> "forbidden";
            case 404 -> "resource_not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict_resource";
            case 415 -> "unsupported_media_type";
            default -> "bad_request";
        };
    }
}
