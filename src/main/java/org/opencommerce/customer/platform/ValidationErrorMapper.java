package org.opencommerce.customer.platform;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime maps Bean Validation failures with a built-in mapper of its own (plain text); this one, more
 * specific than {@link ErrorMapper}'s Throwable, hands them to ErrorMapper so they get the spec's body too.
 */
@Provider
public class ValidationErrorMapper implements ExceptionMapper<ValidationException> {

    private final ErrorMapper errors = new ErrorMapper();

    @Override
    public Response toResponse(ValidationException failure) {
        return errors.toResponse(failure);
    }
}
