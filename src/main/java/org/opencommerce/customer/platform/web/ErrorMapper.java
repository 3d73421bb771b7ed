package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.ApiException;
import org.opencommerce.customer.platform.data.TransactionConflict;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
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
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure of a JAX-RS request into a problem ({@link ApiException}); {@link ErrorResponses} writes its
 * answer, as it does for the error pages of what the server refuses itself.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());
    private static final int RETRY_AFTER_OUTAGE_SECONDS = 5;

    @Context
    ResourceInfo resource;

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (isRefusal(cause)) {
            return ErrorResponses.response(refusal());
        }
        if (TransactionConflict.isConflict(failure)) {
            LOG.warning("A request still met a lock conflict after its retries");
            return ErrorResponses.response(ApiException.unavailable(1));
        }
        if (databaseUnavailable(failure)) {
            LOG.warning("The database is unavailable: " + rootMessage(failure));
            return ErrorResponses.response(ApiException.unavailable(RETRY_AFTER_OUTAGE_SECONDS));
        }
        if (cause instanceof ApiException api) {
            return ErrorResponses.response(api);
        }
        if (cause instanceof ConstraintViolationException invalid) {
            return ErrorResponses.response(ApiException.invalid(invalid.getConstraintViolations()));
        }
        if (cause instanceof JsonbException || cause instanceof JsonException || cause instanceof ProcessingException) {
            return ErrorResponses.response(ApiException.badRequest("The request body is not valid JSON for this operation."));
        }
        if (cause instanceof OptimisticLockException) {
            return ErrorResponses.response(ApiException.optimisticLockFailure());
        }
        if (cause instanceof NotFoundException) {
            return ErrorResponses.response(ApiException.ofStatus(404, "Resource not found."));
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 401) {
                return ErrorResponses.response(ApiException.invalidToken());
            }
            if (status >= 400 && status < 500) {
                return ErrorResponses.response(ApiException.ofStatus(status, web.getResponse().getStatusInfo().getReasonPhrase()));
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, cause);
        return ErrorResponses.response(ApiException.ofStatus(500, "An unexpected error occurred (incident " + incident + ")."));
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
}
