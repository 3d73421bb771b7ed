package org.opencommerce.customer.platform.web;

import org.opencommerce.customer.platform.ApiException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JAX-RS runtime maps Bean Validation failures with a built-in mapper of its own (plain text); this one, more
 * specific than {@link ErrorMapper}'s Throwable, answers them with the spec's body ({@link ErrorResponses}) too.
 */
@Provider
public class ValidationErrorMapper implements ExceptionMapper<ValidationException> {

    private static final Logger LOG = Logger.getLogger(ValidationErrorMapper.class.getName());

    @Override
    public Response toResponse(ValidationException failure) {
        if (failure instanceof ConstraintViolationException invalid) {
            return ErrorResponses.response(ApiException.invalid(invalid.getConstraintViolations()));
        }
        // a broken constraint definition (not the client's fault)
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected validation failure, incident " + incident, failure);
        return ErrorResponses.response(ApiException.ofStatus(500, "An unexpected error occurred (incident " + incident + ")."));
    }
}
