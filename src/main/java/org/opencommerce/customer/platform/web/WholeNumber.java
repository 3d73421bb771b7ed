package org.opencommerce.customer.platform.web;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A whole-number path or query parameter. {@link ParameterConverters} reads it, and answers the spec's 400 naming the
 * parameter for anything else ("abc", "1.5", more digits than a long holds): an {@code int} parameter would be a 404.
 */
@Schema(type = SchemaType.INTEGER)
public record WholeNumber(long value) {

    /** The value for an {@code int} argument; beyond the int range, the nearest int (a range check then refuses it). */
    public int intValue() {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
